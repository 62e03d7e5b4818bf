import GazetteCore

extension RelationExtractor {
    /// `quantity_of`: a quantity stated as belonging to or measured for an entity:
    /// - `deploy-theme`: the quantity a country or organisation sends ("North Korea has sent 3,000 soldiers"),
    ///   unless the count is said to come from a named unit (then only `quantity-from-org`);
    /// - `subject-verb-share`: "Turkey grows about 65% of ...", "Germany, which pays about 20%";
    /// - `quantity-from-org`: "about 1,500 fighters from its Africa Corps".
    func findQuantityOwners() {
        // "about 1,500 fighters from its Africa Corps": the organisation named after the count.
        var fromOrganization: [(quantity: Int, owner: Int)] = []
        for (position, quantity) in mentions.enumerated() where quantity.isQuantity && quantity.subtype == .cardinal {
            let sentence = sentenceRange(of: quantity.firstToken)
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
                fromOrganization.append((position, owner))
            }
        }
        // The sender owns what it sends, unless the text names the unit the count comes from.
        // By index, so only the relations of the type are read (a relation is a large value).
        let relations = collector.relations
        for number in relations.indices where relations[number].type == "deploy" && relations[number].trigger?.lemma != "station" {
            let arguments = relations[number].arguments
            guard case let .entity(agent)? = arguments.first(where: { $0.role == "agent" })?.reference,
                let theme = arguments.first(where: { $0.role == "theme" })?.reference
            else { continue }
            let label = index.entities[agent].label
            guard label == .organization || (label == .location && index.entities[agent].subtype == .country) else { continue }
            if fromOrganization.contains(where: { reference($0.quantity) == theme }) { continue }
            collector.add("quantity_of", [("quantity", theme), ("entity", .entity(agent))], rule: "deploy-theme", index: index)
        }
        for (position, quantity) in mentions.enumerated() where quantity.isQuantity && quantity.subtype == .percent {
            shareOwner(position, quantity, sentenceRange(of: quantity.firstToken))
        }
        for (quantity, owner) in fromOrganization {
            collector.add(
                "quantity_of", [("quantity", reference(quantity)), ("entity", reference(owner))],
                rule: "quantity-from-org", index: index)
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
