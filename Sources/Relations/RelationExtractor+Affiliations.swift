import GazetteCore

extension RelationExtractor {
    /// `member_of` and `affiliated_with`:
    /// - `possessive-member`: "Ferrari’s Lewis Hamilton" (person in organisation);
    /// - `person-of-org`: "Friederike Otto of Imperial College London";
    /// - `possessive-unit`: "Russia’s Black Sea Fleet" (unit in state or organisation);
    /// - `possessive-apposition`: "the SDF’s main component, the People’s Protection Units";
    /// - `apposition-member`: "Saudi Arabia, OPEC’s largest member";
    /// - `org-apposition`: "the UN peacekeeping force, UNIFIL";
    /// - `includes`: "the Quad, the grouping that also includes Japan and Australia";
    /// - `led-by`: "the RSF, led by Mohamed Hamdan Dagalo";
    /// - `affiliate-apposition`: "JNIM, an al-Qaeda affiliate" (affiliated_with);
    /// - `joined`: "Finland and Sweden joined NATO", "Mali, Burkina Faso and Niger left ECOWAS and
    ///   formed the Alliance of Sahel States" (a verb phrase after "and" shares the sentence's subject).
    func findAffiliations() {
        for (position, mention) in mentions.enumerated() where mention.isEntity([.organization, .location]) {
            let sentence = sentenceRange(of: mention.firstToken)
            let limit = sentence.upperBound
            let after = mention.lastToken + 1
            if index.isPossessive(after) {
                possessive(position, mention, after + 1, limit)
            }
            if mention.isEntity(.organization) {
                organizationFollowers(position, mention, after, limit)
            }
            if index.isPunctuation(after, words.comma) {
                appositionMember(position, mention, after + 1, limit)
            } else if index.isPunctuation(after, words.closeParenthesis), index.isPunctuation(after + 1, words.comma),
                index.isPunctuation(mention.firstToken - 1, words.openParenthesis)
            {
                // "the Jama’at Nusrat al-Islam wal-Muslimin (JNIM), an al-Qaeda affiliate".
                appositionMember(position, mention, after + 2, limit)
            }
        }
        // "Taiwan’s exports rose ..., and its Ministry of Economic Affairs": "its" refers to the
        // sentence's first state or organisation.
        for (position, unit) in mentions.enumerated() where unit.isEntity(.organization) && isWord(unit.firstToken - 1, words.its) {
            let sentence = sentenceRange(of: unit.firstToken)
            var first: Int?
            for token in sentence.lowerBound..<unit.firstToken {
                if let found = index.mention(startingAt: token), mentions[found].isEntity { first = found; break }
            }
            guard let owner = first, owner != position,
                mentions[owner].isEntity(.organization) || (mentions[owner].isEntity(.location) && mentions[owner].subtype == .country)
            else { continue }
            collector.add(
                "member_of", [("member", reference(position)), ("group", reference(owner))], rule: "its-unit", index: index)
        }
        for token in index.scanTokens where cue(token, .include) {
            includes(token)
        }
        for token in index.scanTokens where cue(token, .join) {
            joins(token)
        }
        for (position, person) in mentions.enumerated() where person.isEntity(.person) {
            let after = person.lastToken + 1
            if isWord(after, words.of), let group = index.mention(startingAt: after + 1),
                mentions[group].isEntity(.organization)
            {
                collector.add(
                    "member_of", [("member", reference(position)), ("group", reference(group))],
                    rule: "person-of-org", index: index)
            }
        }
    }

    private func possessive(_ position: Int, _ owner: ArgumentMention, _ token: Int, _ limit: Int) {
        guard token < limit else { return }
        if let owned = index.mention(startingAt: token) {
            let ownedMention = mentions[owned]
            if ownedMention.isEntity(.person), owner.isEntity(.organization) {
                collector.add(
                    "member_of", [("member", reference(owned)), ("group", reference(position))],
                    rule: "possessive-member", index: index)
            } else if ownedMention.isEntity(.organization),
                owner.isEntity(.organization) || (owner.isEntity(.location) && owner.subtype == .country)
            {
                collector.add(
                    "member_of", [("member", reference(owned)), ("group", reference(position))],
                    rule: "possessive-unit", index: index)
            }
            return
        }
        // "X’s main component, the Y".
        var cursor = token
        var count = 0
        while cursor < limit, count < 4, index.isLowercaseWord(cursor), index.mention(at: cursor) == nil {
            cursor += 1
            count += 1
        }
        guard count > 0, index.isPunctuation(cursor, words.comma),
            let unit = nounPhraseMention(at: cursor + 1, limit: limit, followPossessive: false),
            mentions[unit].isEntity(.organization)
        else { return }
        collector.add(
            "member_of", [("member", reference(unit)), ("group", reference(position))],
            rule: "possessive-apposition", index: index)
    }

    private func organizationFollowers(_ position: Int, _ group: ArgumentMention, _ after: Int, _ limit: Int) {
        // "ORG, led by PERSON".
        if index.isPunctuation(after, words.comma), cue(after + 1, .lead), isWord(after + 2, words.by),
            let leader = index.mention(startingAt: after + 3), mentions[leader].isEntity(.person)
        {
            collector.add(
                "member_of", [("member", reference(leader)), ("group", reference(position))],
                rule: "led-by", index: index)
        }
        // "ORG lowercase-words, ORG2" ("the UN peacekeeping force, UNIFIL").
        var cursor = after
        var count = 0
        while cursor < limit, count < 3, index.isLowercaseWord(cursor), index.mention(at: cursor) == nil,
            !cue(cursor, [.determiner, .relative])
        {
            cursor += 1
            count += 1
        }
        if count > 0, index.isPunctuation(cursor, words.comma), let unit = index.mention(startingAt: cursor + 1),
            mentions[unit].isEntity(.organization)
        {
            let next = mentions[unit].lastToken + 1
            if next >= limit || index.tokens[next].kind == .punctuation {
                collector.add(
                    "member_of", [("member", reference(unit)), ("group", reference(position))],
                    rule: "org-apposition", index: index)
            }
        }
    }

    private func appositionMember(_ position: Int, _ mention: ArgumentMention, _ token: Int, _ limit: Int) {
        // "Saudi Arabia, OPEC’s largest member" / "JNIM, an al-Qaeda affiliate".
        let start = skipForward(token, limit: limit) { cue($0, .determiner) }
        guard let group = index.mention(startingAt: start), mentions[group].isEntity(.organization) else { return }
        var cursor = mentions[group].lastToken + 1
        if index.isPossessive(cursor) { cursor += 1 }
        var count = 0
        while cursor < limit, count < 3, index.isLowercaseWord(cursor) {
            if cue(cursor, .member) {
                collector.add(
                    "member_of", [("member", reference(position)), ("group", reference(group))],
                    rule: "apposition-member", index: index)
                return
            }
            if cue(cursor, .affiliate) {
                collector.add(
                    "affiliated_with", [("member", reference(position)), ("group", reference(group))],
                    rule: "affiliate-apposition", index: index)
                return
            }
            cursor += 1
            count += 1
        }
    }

    private func includes(_ verb: Int) {
        let sentence = sentenceRange(of: verb)
        // The group: the nearest organisation before the verb in the sentence.
        var cursor = verb - 1
        var group: Int?
        while cursor >= sentence.lowerBound {
            if let found = index.mention(at: cursor), mentions[found].isEntity(.organization) { group = found; break }
            cursor -= 1
        }
        guard let group else { return }
        cursor = verb + 1
        while cursor < sentence.upperBound {
            if let found = index.mention(startingAt: cursor), mentions[found].isEntity([.location, .organization]) {
                collector.add(
                    "member_of", [("member", reference(found)), ("group", reference(group))],
                    rule: "includes", index: index)
                cursor = mentions[found].lastToken + 1
                if index.isPunctuation(cursor, words.comma) || isWord(cursor, words.and) {
                    cursor += 1
                    if isWord(cursor, words.and) { cursor += 1 }
                    continue
                }
                break
            }
            if cue(cursor, .determiner) { cursor += 1; continue }
            break
        }
    }

    /// "X (and Y) joined/formed/founded ORG": each subject is a member of the organisation. After
    /// "and" the verb phrase is coordinated, so its subject is the list that opens the sentence.
    private func joins(_ verb: Int) {
        guard index.isLowercaseWord(verb), index.mention(at: verb) == nil else { return }
        let sentence = sentenceRange(of: verb)
        guard let group = nounPhraseMention(at: verb + 1, limit: sentence.upperBound, followPossessive: false),
            mentions[group].isEntity(.organization)
        else { return }
        // Auxiliaries and adverbs before the verb ("has also joined").
        let before = skipBackward(verb - 1, floor: sentence.lowerBound) {
            index.isLowercaseWord($0) && (cue($0, [.auxiliary, .shareAuxiliary, .be]) || index.hasSuffix($0, "ly"))
        }
        var members: [Int] = []
        if isWord(before, words.and) {
            let start = skipForward(sentence.lowerBound, limit: verb) { cue($0, .determiner) }
            members = coordinatedList(startingAt: start, limit: verb)
        } else if let last = index.mention(endingAt: before) {
            members = [last]
            var cursor = mentions[last].firstToken - 1
            while cursor > sentence.lowerBound, isWord(cursor, words.and) || index.isPunctuation(cursor, words.comma),
                let other = index.mention(endingAt: cursor - 1)
            {
                members.insert(other, at: 0)
                cursor = mentions[other].firstToken - 1
            }
            // Not the object of a preposition ("talks in Brussels joined ...").
            if cue(mentions[members[0]].firstToken - 1, .literal) { return }
        }
        for member in members where member != group && isMemberCandidate(member) {
            collector.add(
                "member_of", [("member", reference(member)), ("group", reference(group))], rule: "joined", index: index)
        }
    }

    /// A country, organisation or person that can belong to a group.
    private func isMemberCandidate(_ mention: Int) -> Bool {
        mentions[mention].isEntity([.organization, .person])
            || (mentions[mention].isEntity(.location) && mentions[mention].subtype == .country)
    }

    /// "A, B and C" starting at `start`, followed by a lowercase word (the verb); empty otherwise.
    private func coordinatedList(startingAt start: Int, limit: Int) -> [Int] {
        var result: [Int] = []
        var cursor = start
        while cursor < limit, let found = index.mention(startingAt: cursor), isMemberCandidate(found) {
            result.append(found)
            cursor = mentions[found].lastToken + 1
            if index.isPunctuation(cursor, words.comma) { cursor += 1 }
            if isWord(cursor, words.and) { cursor += 1 }
            if cursor < limit, index.mention(startingAt: cursor) == nil { break }
        }
        guard !result.isEmpty, index.isLowercaseWord(mentions[result[result.count - 1]].lastToken + 1) else { return [] }
        return result
    }
}
