import GazetteCore

extension RelationExtractor {
    /// `quantity_of`: a quantity stated as belonging to or measured for an entity:
    /// - `deploy-theme`: the quantity a country or organisation sends ("North Korea has sent 3,000 soldiers");
    /// - `subject-verb-share`: "Turkey grows about 65% of ...", "Germany, which pays about 20%";
    /// - `quantity-from-org`: "about 1,500 fighters from its Africa Corps".
    mutating func findQuantityOwners() {
        let entities = index.document.entities
        for relation in collector.relations where relation.type == "deploy" && relation.trigger?.lemma != "station" {
            guard case let .entity(agent)? = relation.arguments.first(where: { $0.role == "agent" })?.reference,
                let theme = relation.arguments.first(where: { $0.role == "theme" })?.reference
            else { continue }
            let owner = entities[agent]
            guard owner.label == .organization || (owner.label == .location && owner.subtype == "country") else { continue }
            collector.add("quantity_of", [("quantity", theme), ("entity", .entity(agent))], rule: "deploy-theme", index: index)
        }
        for (position, quantity) in mentions.enumerated() where quantity.isQuantity {
            let sentence = sentenceRange(of: quantity.firstToken)
            if quantity.subtype == "percent" {
                shareOwner(position, quantity, sentence)
            }
            if quantity.subtype == "cardinal" {
                var cursor = quantity.lastToken + 1
                var words = 0
                while cursor < sentence.upperBound, words < 3, index.isLowercaseWord(cursor), index.word(cursor) != "from" {
                    cursor += 1
                    words += 1
                }
                if words > 0, index.word(cursor) == "from",
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

    private mutating func shareOwner(_ position: Int, _ quantity: ArgumentMention, _ sentence: Range<Int>) {
        // "ENTITY (, which) (aux) verb QUANTITY of ...".
        guard index.word(quantity.lastToken + 1) == "of" else { return }
        var cursor = quantity.firstToken - 1
        guard index.isLowercaseWord(cursor), index.mention(at: cursor) == nil else { return }
        cursor -= 1
        var steps = 0
        while cursor >= sentence.lowerBound, steps < 2, index.isLowercaseWord(cursor), !relative.contains(index.word(cursor)) {
            guard ["has", "have", "had", "would", "will", "can", "could", "already", "now", "still"].contains(index.word(cursor))
            else { return }
            cursor -= 1
            steps += 1
        }
        if relative.contains(index.word(cursor)) {
            cursor -= 1
            if index.isPunctuation(cursor, ",") { cursor -= 1 }
        }
        guard let owner = index.mention(endingAt: cursor), mentions[owner].isEntity(.location, .organization) else { return }
        collector.add(
            "quantity_of", [("quantity", reference(position)), ("entity", reference(owner))],
            rule: "subject-verb-share", index: index)
    }
}
