import GazetteCore

extension RelationExtractor {
    /// `located_in` between two entities, the place never smaller than what it contains:
    /// - `comma-place`: "Savannah, Georgia", "Kourou, French Guiana" (not inside a list);
    /// - `in-place`: "Kharkiv in northeastern Ukraine", "the Federal Reserve in Washington",
    ///   "Hasakah, in northeastern Syria", "Jezero Crater on Mars";
    /// - `apposition-place`: "El Fasher, the capital of North Darfur state", "Reading, a town of
    ///   about 175,000 people in Berkshire";
    /// - `of-place`: "the Donetsk region of Ukraine", "the Permian Basin of Texas";
    /// - `possessive-place`: "Russia’s Kursk region".
    func findLocations() {
        for (position, mention) in mentions.enumerated() where mention.isEntity([.location, .organization]) {
            let rank = placeRank(mention)
            guard rank < 4 else { continue }
            let sentence = sentenceRange(of: mention.firstToken)
            let limit = sentence.upperBound
            var after = mention.lastToken + 1
            if index.isPunctuation(after, words.closeParenthesis) { after += 1 }
            guard after < limit else { continue }
            if index.isPunctuation(after, words.comma) {
                commaPlace(position, rank, after + 1, limit)
            } else if cue(after, .contain) {
                if let place = placeAfterPreposition(after + 1, limit), placeRank(mentions[place]) >= max(rank, 1) {
                    add(position, place, "in-place")
                }
            } else if isWord(after, words.of), mention.isEntity(.location), mention.subtype != .city,
                let place = nounPhraseMention(at: after + 1, limit: limit), mentions[place].isEntity(.location),
                placeRank(mentions[place]) > rank
            {
                add(position, place, "of-place")
            }
            if mention.isEntity(.location), index.isPossessive(after),
                let owned = index.mention(startingAt: after + 1), mentions[owned].isEntity(.location),
                placeRank(mentions[owned]) < rank || (rank >= 3 && placeRank(mentions[owned]) < 4)
            {
                add(owned, position, "possessive-place")
            }
        }
        // "Russia’s Kursk region": the possessor is a country (rank 4), skipped above.
        for (position, mention) in mentions.enumerated() where mention.isEntity(.location) && placeRank(mention) >= 4 {
            let after = mention.lastToken + 1
            if index.isPossessive(after), let owned = index.mention(startingAt: after + 1),
                mentions[owned].isEntity(.location), placeRank(mentions[owned]) < 4
            {
                add(owned, position, "possessive-place")
            }
        }
    }

    /// Containment rank: ORGANIZATION and other places 1, city 2, region 3, country 4, larger 5.
    func placeRank(_ mention: ArgumentMention) -> Int {
        guard mention.isEntity(.location) else { return 1 }
        switch mention.subtype {
        case .city: return 2
        case .region: return 3
        case .country: return 4
        case .continent, .worldRegion: return 5
        default: return 1
        }
    }

    private func add(_ entity: Int, _ place: Int, _ rule: String) {
        collector.add(
            "located_in", [("entity", reference(entity)), ("place", reference(place))], rule: rule, index: index)
    }

    /// The place after "in": lowercase direction words and a determiner may come first.
    private func placeAfterPreposition(_ token: Int, _ limit: Int) -> Int? {
        var cursor = token
        var count = 0
        while cursor < limit, count < 4,
            (index.isLowercaseWord(cursor) && !cue(cursor, .determiner)) || index.isPunctuation(cursor, words.hyphen),
            index.mention(at: cursor) == nil
        {
            cursor += 1
            count += 1
        }
        guard let place = nounPhraseMention(at: cursor, limit: limit), mentions[place].isEntity(.location) else {
            return nil
        }
        return place
    }

    private func commaPlace(_ position: Int, _ rank: Int, _ token: Int, _ limit: Int) {
        guard token < limit else { return }
        if cue(token, .contain) {
            if let place = placeAfterPreposition(token + 1, limit), placeRank(mentions[place]) >= max(rank, 2) {
                add(position, place, "in-place")
            }
            return
        }
        if let place = index.mention(startingAt: token), mentions[place].isEntity(.location) {
            let placeRank = placeRank(mentions[place])
            guard mentions[position].isEntity(.location), placeRank > rank, placeRank >= 3 else { return }
            // Not a list ("Mali, Burkina Faso and Niger"): the place is not followed by "and" or ", X".
            let next = mentions[place].lastToken + 1
            if isWord(next, words.and) || isWord(next, words.or) { return }
            if index.isPunctuation(next, words.comma), let following = index.mention(startingAt: next + 1),
                mentions[following].isEntity(.location), placeRank > 3 || self.placeRank(mentions[following]) == placeRank
            {
                return
            }
            add(position, place, "comma-place")
            return
        }
        // Apposition: "X, the capital of Y", "X, a town of about 175,000 people in Y".
        guard mentions[position].isEntity(.location), cue(token, .determiner) else { return }
        var cursor = token + 1
        while cursor < limit, cursor < token + 10 {
            if index.tokens[cursor].kind == .punctuation { return }
            if isWord(cursor, words.of) || cue(cursor, .contain) {
                if let place = placeAfterPreposition(cursor + 1, limit), placeRank(mentions[place]) > rank {
                    add(position, place, "apposition-place")
                    return
                }
            }
            if let other = index.mention(startingAt: cursor), !mentions[other].isQuantity { return }
            cursor += 1
        }
    }
}
