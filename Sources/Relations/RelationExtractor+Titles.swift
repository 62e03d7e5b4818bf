import GazetteCore

extension RelationExtractor {
    /// `has_title` and `nationality` around each PERSON:
    /// - `title-before-name`: "Defense Secretary Lloyd Austin", "Gen. Michael Kurilla", chains
    ///   ("Energy Minister Prince Abdulaziz"); the word before the first title gives `of` when it is
    ///   a nationality, country or organisation ("Ukrainian President", "NATO Secretary-General") or
    ///   a possessive ("Hungary’s Foreign Minister"); a party there ("Republican Senator Lindsey
    ///   Graham") gives `affiliated_with` (rule `party-before-title`) instead;
    /// - `title-paragraph-context`: an office with no `of` next to it belongs to the nearest
    ///   government or organisation named before it in the same paragraph that is the subject of a
    ///   main clause (the seed pattern); not for abbreviated titles ("Dr.") or sub-national
    ///   offices ("regional governor"), and never an armed group for a political office;
    /// - `apposition-title`: "Hans Kluge, the WHO’s regional director", "Oleksandr Syrskyi,
    ///   commander-in-chief of the Ukrainian Armed Forces", "Kallas, a former Estonian prime minister";
    /// - `nationality-before-name`: "Slovenian Tadej Pogačar", "Chinese businessman Dai Yongge";
    /// - `nationality-apposition`: "Oscar Piastri, the Australian", "his Turkish counterpart, Hakan Fidan".
    func findTitles() {
        for (position, person) in mentions.enumerated() where person.isEntity(.person) {
            let sentence = sentenceRange(of: person.firstToken)
            titleBeforeName(position, person, sentence)
            appositionAfterName(position, person, sentence)
            nationalityBeforeName(position, person, sentence)
        }
    }

    /// Reigning monarchs' titles: a head of state's office, which has an `of` ("Jordan’s King
    /// Abdullah II"), unlike other royal titles ("Prince", "Duchess").
    private static let monarchTitles: Set<String> = ["king", "queen", "emir", "sultan", "emperor", "empress", "shah", "monarch"]

    private func isRank(_ title: Int) -> Bool {
        switch mentions[title].subtype {
        case .royal: return !Self.monarchTitles.contains(index.text(ofMention: title).lowercased())
        case .honorific, .religious: return true
        case .military:
            // Abbreviated ranks ("Gen.", "Lt. Gen.", "Col.") carry no organisation; commands do.
            return index.contains(UInt8(ascii: "."), in: mentions[title].range)
        default: return false
        }
    }

    private func titleBeforeName(_ position: Int, _ person: ArgumentMention, _ sentence: Range<Int>) {
        var chain: [Int] = []
        var token = person.firstToken - 1
        while token >= sentence.lowerBound, let title = index.mention(endingAt: token), mentions[title].isEntity(.title) {
            chain.append(title)
            token = mentions[title].firstToken - 1
        }
        guard let outer = chain.last else { return }
        // What precedes the outermost title: a modifier entity or "X’s".
        var owner: Int?
        var before = token
        before = skipBackward(before, floor: sentence.lowerBound) { cue($0, .titleModifier) }
        if let modifier = index.mention(endingAt: before), mentions[modifier].isEntity(.organization),
            mentions[modifier].subtype == .politicalParty
        {
            // "Republican Senator Lindsey Graham": the party is an affiliation, not the office's owner
            collector.add(
                "affiliated_with", [("member", reference(position)), ("group", reference(modifier))],
                rule: "party-before-title", index: index)
        } else if let modifier = index.mention(endingAt: before),
            mentions[modifier].isEntity([.nationality, .location, .organization])
        {
            owner = modifier
        } else if index.isPossessive(before), let possessor = index.mention(endingAt: before - 1),
            mentions[possessor].isEntity([.location, .organization])
        {
            owner = possessor
        } else if index.isPunctuation(before, words.closeParenthesis), let acronym = index.mention(endingAt: before - 1),
            index.isPunctuation(mentions[acronym].firstToken - 1, words.openParenthesis),
            mentions[acronym].isEntity([.organization, .location])
        {
            // "the Central Intelligence Agency (CIA) Director John Ratcliffe".
            owner = acronym
        }
        let personRef = reference(position)
        for title in chain {
            var arguments: [(role: String, reference: AnnotationReference)] = [("person", personRef), ("title", reference(title))]
            var rule = "title-before-name"
            if title == outer, !isRank(title) {
                if let owner {
                    arguments.append(("of", reference(owner)))
                    rule = mentions[owner].isEntity(.nationality) ? "nationality-title-before-name" : "title-before-name"
                } else if !isAbbreviation(title), !cue(mentions[title].firstToken - 1, .subnational),
                    !cue(mentions[title].firstToken, .subnational),
                    let context = paragraphOwner(before: mentions[title].firstToken, political: mentions[title].subtype == .political)
                {
                    arguments.append(("of", reference(context)))
                    rule = "title-paragraph-context"
                }
            }
            collector.add(
                "has_title", arguments, rule: rule, index: index,
                evidence: mentions[title].range.union(person.range))
        }
        if let owner, mentions[owner].isEntity(.nationality) {
            collector.add(
                "nationality", [("person", personRef), ("nationality", reference(owner))],
                rule: "nationality-title-before-name", index: index)
        }
    }

    /// A one-token title written with a period ("Dr.", "Gov."): an honorific or abbreviated rank,
    /// whose owner is only ever the one written next to it ("Georgia Gov. Brian Kemp").
    private func isAbbreviation(_ title: Int) -> Bool {
        mentions[title].firstToken == mentions[title].lastToken
            && index.bytes[mentions[title].range.end - 1] == UInt8(ascii: ".")
    }

    /// How many mentions back `paragraphOwner(before:political:)` looks at most.
    static let ownerSearchMentions = 256

    /// The nearest ORGANIZATION or country named before `token` in the same paragraph that is the
    /// subject of a sentence ("the U.S. announced ..."): the seed pattern for offices without `of`.
    /// A political office ("Senator", "Defense Secretary") never belongs to an armed group named
    /// before it ("Al-Qaeda said ... Senator Lindsey Graham").
    private func paragraphOwner(before token: Int, political: Bool) -> Int? {
        guard let start = index.mention(at: token) else { return nil }
        let startByte = mentions[start].range.start
        // The paragraph break nearest before the mention, found once for all candidates.
        let lastBreak = index.lastLineFeed(before: startByte)
        var candidate = start - 1
        // (A news paragraph names far fewer: the bound keeps a document of one endless
        // paragraph linear.)
        let farthest = max(0, start - Self.ownerSearchMentions)
        while candidate >= farthest {
            let mention = mentions[candidate]
            // `paragraphBreak(between: mention.range.end, and: startByte)`, with that break.
            if let lastBreak, lastBreak >= max(0, mention.range.end) { return nil }
            let organisation = mention.isEntity(.organization) && mention.subtype != .media
                && !(political && mention.subtype == .armedGroup)
            if organisation || (mention.isEntity(.location) && mention.subtype == .country), isClauseSubject(candidate)
            {
                return candidate
            }
            candidate -= 1
        }
        return nil
    }

    /// A mention followed by a lowercase word (its verb), not governed by a preposition and not
    /// opening a subordinate clause: "the U.S. announced", not "in northeastern Ukraine", "Russia’s
    /// economy" or "evidence that North Korea has sent".
    private func isClauseSubject(_ mention: Int) -> Bool {
        var after = mentions[mention].lastToken + 1
        // "The World Health Organization (WHO) warned": the verb follows the acronym.
        if index.isPunctuation(after, words.openParenthesis) {
            var close = after + 1
            while close < after + 5, !index.isPunctuation(close, words.closeParenthesis), close < index.tokens.count { close += 1 }
            if index.isPunctuation(close, words.closeParenthesis) { after = close + 1 }
        } else if index.isPunctuation(after, words.closeParenthesis),
            index.isPunctuation(mentions[mention].firstToken - 1, words.openParenthesis)
        {
            // The acronym itself: "... (WHO) warned".
            after += 1
        }
        guard index.isLowercaseWord(after), !cue(after, [.determiner, .literal])
        else { return false }
        var before = mentions[mention].firstToken - 1
        if cue(before, .subordinator) || (cue(before, .determiner) && cue(before - 1, .subordinator)) { return false }
        var count = 0
        while count < 3, index.isLowercaseWord(before) {
            if cue(before, .literal) { return false }
            before -= 1
            count += 1
        }
        return true
    }

    private func appositionAfterName(_ position: Int, _ person: ArgumentMention, _ sentence: Range<Int>) {
        let limit = sentence.upperBound
        var token = person.lastToken + 1
        guard token < limit, index.isPunctuation(token, words.comma) else { return }
        token += 1
        token = skipForward(token, limit: limit) {
            cue($0, [.determiner, .titleModifier])
        }
        // An age or other quantity ("the 28-year-old Dane").
        if let quantity = index.mention(startingAt: token), mentions[quantity].isQuantity {
            token = mentions[quantity].lastToken + 1
        }
        let personRef = reference(position)
        var owner: Int?
        var nationality: Int?
        if let found = index.mention(startingAt: token), mentions[found].isEntity(.nationality) {
            nationality = found
            token = mentions[found].lastToken + 1
        } else if let found = index.mention(startingAt: token), mentions[found].isEntity([.organization, .location]),
            index.isPossessive(mentions[found].lastToken + 1)
        {
            owner = found
            token = mentions[found].lastToken + 2
        } else if let found = index.mention(startingAt: token), mentions[found].isEntity(.organization),
            mentions[found].subtype == .politicalParty
        {
            collector.add(
                "affiliated_with", [("member", personRef), ("group", reference(found))],
                rule: "apposition-party", index: index)
            return
        }
        if let nationality {
            collector.add(
                "nationality", [("person", personRef), ("nationality", reference(nationality))],
                rule: "nationality-apposition", index: index)
        }
        // Lowercase words before the title ("a climate scientist at"), at most a few.
        var count = 0
        var title: Int?
        while token < limit, count <= 3 {
            if let found = index.mention(startingAt: token) {
                if mentions[found].isEntity(.title) { title = found; token = mentions[found].lastToken + 1 }
                break
            }
            guard index.isLowercaseWord(token), !cue(token, [.roleOf, .lead])
            else { break }
            count += 1
            token += 1
        }
        // "of/for/at (the) ORG": the organisation of the title or role.
        var group: Int?
        if token < limit, cue(token, .roleOf),
            let found = nounPhraseMention(at: token + 1, limit: limit),
            mentions[found].isEntity([.organization, .location])
        {
            group = found
        }
        if let title {
            var arguments: [(role: String, reference: AnnotationReference)] = [("person", personRef), ("title", reference(title))]
            if let ofOwner = owner ?? group ?? nationality { arguments.append(("of", reference(ofOwner))) }
            collector.add(
                "has_title", arguments, rule: "apposition-title", index: index,
                evidence: person.range.union(mentions[title].range))
        } else if let group = group ?? owner, mentions[group].isEntity(.organization) {
            collector.add(
                "member_of", [("member", personRef), ("group", reference(group))],
                rule: "apposition-role-of", index: index)
        } else if token < limit, cue(token, .lead),
            let found = nounPhraseMention(at: isWord(token + 1, words.of) ? token + 2 : token + 1, limit: limit),
            mentions[found].isEntity(.organization)
        {
            collector.add(
                "member_of", [("member", personRef), ("group", reference(found))],
                rule: "apposition-leads", index: index)
        }
    }

    private func nationalityBeforeName(_ position: Int, _ person: ArgumentMention, _ sentence: Range<Int>) {
        // "NAT PERSON" or "NAT lowercase-words PERSON" (up to three words).
        var token = person.firstToken - 1
        var count = 0
        while token >= sentence.lowerBound, count < 3, index.isLowercaseWord(token), index.mention(at: token) == nil {
            token -= 1
            count += 1
        }
        if let found = index.mention(endingAt: token), mentions[found].isEntity(.nationality) {
            collector.add(
                "nationality", [("person", reference(position)), ("nationality", reference(found))],
                rule: "nationality-before-name", index: index)
            return
        }
        // "his NAT counterpart, PERSON".
        guard index.isPunctuation(person.firstToken - 1, words.comma) else { return }
        token = person.firstToken - 2
        count = 0
        while token >= sentence.lowerBound, count < 2, index.isLowercaseWord(token), index.mention(at: token) == nil {
            token -= 1
            count += 1
        }
        if count > 0, let found = index.mention(endingAt: token), mentions[found].isEntity(.nationality) {
            collector.add(
                "nationality", [("person", reference(position)), ("nationality", reference(found))],
                rule: "nationality-apposition", index: index)
        }
    }
}
