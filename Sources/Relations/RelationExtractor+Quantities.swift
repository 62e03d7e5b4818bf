import GazetteCore

extension RelationExtractor {
    /// `quantity_of`: a quantity stated as belonging to or measured for an entity:
    /// - `deploy-theme`: the quantity a country or organisation sends ("North Korea has sent 3,000 soldiers");
    /// - `subject-verb-share`: "Turkey grows about 65% of ...", "Germany, which pays about 20%";
    /// - `quantity-from-org`: "about 1,500 fighters from its Africa Corps".
    func findQuantityOwners() {
        for relation in collector.relations where relation.type == "deploy" && relation.trigger?.lemma != "station" {
            guard case let .entity(agent)? = relation.arguments.first(where: { $0.role == "agent" })?.reference,
                let theme = relation.arguments.first(where: { $0.role == "theme" })?.reference
            else { continue }
            let label = index.document.entities[agent].label
            guard label == .organization || (label == .location && index.entitySubtype[agent] == .country) else { continue }
            collector.add("quantity_of", [("quantity", theme), ("entity", .entity(agent))], rule: "deploy-theme", index: index)
        }
        for (position, quantity) in mentions.enumerated() where quantity.isQuantity {
            let sentence = sentenceRange(of: quantity.firstToken)
            if quantity.subtype == .percent {
                shareOwner(position, quantity, sentence)
            }
            if quantity.subtype == .cardinal {
                var cursor = quantity.lastToken + 1
                var count = 0
                while cursor < sentence.upperBound, count < 3, index.isLowercaseWord(cursor), !isWord(cursor, words.from) {
                    cursor += 1
                    count += 1
                }
                if count > 0, isWord(cursor, words.from),
                    let owner = nounPhraseMention(at: cursor + 1, limit: sentence.upperBound),
                    mentions[owner].isEntity(.organization)
                {
                    collector.add(
                        "quantity_of", [("quantity", reference(position)), ("entity", reference(owner))],
                        rule: "quantity-from-org", index: index)
                }
            }
        }
    }

    private func shareOwner(_ position: Int, _ quantity: ArgumentMention, _ sentence: Range<Int>) {
        // "ENTITY (, which) (aux) verb QUANTITY of ...".
        guard isWord(quantity.lastToken + 1, words.of) else { return }
        var cursor = quantity.firstToken - 1
        guard index.isLowercaseWord(cursor), index.mention(at: cursor) == nil else { return }
        cursor -= 1
        var steps = 0
        while cursor >= sentence.lowerBound, steps < 2, index.isLowercaseWord(cursor), !cue(cursor, .relative) {
            guard cue(cursor, .shareAuxiliary) else { return }
            cursor -= 1
            steps += 1
        }
        if cue(cursor, .relative) {
            cursor -= 1
            if index.isPunctuation(cursor, words.comma) { cursor -= 1 }
        }
        guard let owner = index.mention(endingAt: cursor), mentions[owner].isEntity([.location, .organization]) else { return }
        collector.add(
            "quantity_of", [("quantity", reference(position)), ("entity", reference(owner))],
            rule: "subject-verb-share", index: index)
    }
}
