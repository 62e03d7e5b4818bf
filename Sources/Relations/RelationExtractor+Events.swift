import GazetteCore

extension RelationExtractor {
    /// Event frames around trigger verbs (`Lexicons/relations/triggers.tsv`):
    /// - `deploy`: agent, theme (one relation per quantity sent), destination ("to"/"into"/"in"), origin ("from");
    /// - `attack`: attacker, target, location ("in"/"near"/"at" after the target);
    /// - `ally`: party1 (the supporter), party2;
    /// - `meet`: party1, party2.
    /// The subject is the nearest entity before the verb in its clause (with coordinated subjects,
    /// "The U.S. and Japan backed Manila"); a relative pronoun hands it its antecedent ("M23, which
    /// ... is backed by Rwanda"); passive voice ("were sent by North Korea to Russia") swaps the
    /// roles; "U.S.-backed X" is a compound. Rules: `active-svo`, `passive-by`, `compound-backed`.
    func findEvents() {
        let count = index.tokens.count
        var next = 0
        for token in index.scanTokens where token >= next {
            guard index.cue(token, [.trigger, .triggerHead]), index.mention(at: token) == nil else { continue }
            var entry: Int32 = -1
            var last = token
            if index.cue(token, .triggerHead), token + 1 < count,
                let found = shared.value.pairTriggers[Int64(index.id(token)) << 32 | Int64(index.id(token + 1))]
            {
                entry = found
                last = token + 1
            } else {
                entry = shared.value.vocabulary.singleTrigger[Int(index.id(token))]
            }
            if entry >= 0 {
                let trigger = shared.value.triggerEntries[Int(entry)]
                let range = index.tokens[token].range.union(index.tokens[last].range)
                frame(trigger, Trigger(range: range, lemma: trigger.verb.lemma), first: token, last: last)
            }
            next = last + 1
        }
    }

    private func isArgumentEntity(_ mention: Int) -> Bool {
        mentions[mention].isEntity([.location, .organization, .person, .nationality])
    }

    /// The subject before `token`: the nearest entity in the clause not governed by a preposition,
    /// with the entities coordinated to it. With `quantities`, a quantity may be the subject.
    private func subjects(before token: Int, floor: Int, quantities: Bool = false) -> [Int] {
        var cursor = token
        var steps = 0
        while cursor >= floor, steps < 16 {
            if cue(cursor, .clauseEnd) && steps > 0 { return [] }
            if cue(cursor, .relative), !isWord(cursor, words.that) || index.isPunctuation(cursor - 1, words.comma) {
                // "X, which ...": the antecedent.
                if let antecedent = antecedent(of: cursor, floor: floor) { return [antecedent] }
                return []
            }
            var ending = index.mention(endingAt: cursor)
            if ending == nil, index.isPunctuation(cursor, words.closeParenthesis) { ending = index.mention(endingAt: cursor - 1) }
            if let found = ending, isArgumentEntity(found) || (quantities && mentions[found].isQuantity) {
                let start = mentions[found].firstToken
                // An apposition ("JNIM, an al-Qaeda affiliate, attacked"): its head is the subject.
                if cue(start - 1, .determiner), index.isPunctuation(start - 2, words.comma) {
                    cursor = start - 3
                    steps += 1
                    continue
                }
                if cue(start - 1, .literal) || index.isPossessive(mentions[found].lastToken + 1) {
                    cursor = start - 1
                    steps += 1
                    continue
                }
                var result = [found]
                var before = start - 1
                while before > floor, isWord(before, words.and) || index.isPunctuation(before, words.comma),
                    let other = index.mention(endingAt: before - 1), isArgumentEntity(other)
                {
                    result.insert(other, at: 0)
                    before = mentions[other].firstToken - 1
                }
                return result
            }
            if let inside = index.mention(at: cursor) {
                cursor = mentions[inside].firstToken - 1
            } else {
                cursor -= 1
            }
            steps += 1
        }
        return []
    }

    /// The entity a relative pronoun at `token` refers back to ("M23 rebel group, which").
    private func antecedent(of token: Int, floor: Int) -> Int? {
        var cursor = token - 1
        if index.isPunctuation(cursor, words.comma) { cursor -= 1 }
        var count = 0
        while cursor >= floor, count < 3, index.isLowercaseWord(cursor), index.mention(at: cursor) == nil {
            cursor -= 1
            count += 1
        }
        if index.isPunctuation(cursor, words.closeParenthesis), let inner = index.mention(endingAt: cursor - 1) {
            return isArgumentEntity(inner) ? inner : nil
        }
        guard let found = index.mention(endingAt: cursor), isArgumentEntity(found) else { return nil }
        return found
    }

    /// The first entity after `token` in the clause (possessives followed: "Russia’s Black Sea Fleet").
    private func object(after token: Int, limit: Int, excluding: Set<Int>, maxSteps: Int = 8) -> Int? {
        var cursor = token
        var steps = 0
        while cursor < limit, steps < maxSteps {
            if index.tokens[cursor].kind == .punctuation {
                let id = index.id(cursor)
                if id == words.comma || id == words.semicolon || id == words.period || id == words.colon { return nil }
            }
            if cue(cursor, .clauseEnd) { return nil }
            if cursor > token, cue(cursor, .literal) {
                let id = index.id(cursor)
                if id != words.of, id != words.in, id != words.with { return nil }
            }
            if let found = index.mention(startingAt: cursor) {
                if isArgumentEntity(found), !excluding.contains(found) {
                    let next = mentions[found].lastToken + 1
                    if index.isPossessive(next), let owned = index.mention(startingAt: next + 1), isArgumentEntity(owned) {
                        return owned
                    }
                    return found
                }
                cursor = mentions[found].lastToken + 1
            } else {
                cursor += 1
            }
            steps += 1
        }
        return nil
    }

    /// A place introduced by one of `prepositions` after `token`, within a few tokens.
    private func place(after token: Int, limit: Int, prepositions: (Vocabulary.ID) -> Bool, maxSteps: Int = 8) -> Int? {
        var cursor = token
        var steps = 0
        while cursor < limit, steps < maxSteps {
            if index.tokens[cursor].kind == .punctuation {
                let id = index.id(cursor)
                if id == words.comma || id == words.semicolon || id == words.period { return nil }
            }
            if prepositions(index.id(cursor)) {
                var inner = cursor + 1
                var innerSteps = 0
                while inner < limit, innerSteps < 4 {
                    if let found = index.mention(startingAt: inner) {
                        return mentions[found].isEntity(.location) ? (nounPhraseMention(at: inner, limit: limit) ?? found) : nil
                    }
                    if index.tokens[inner].kind == .punctuation { return nil }
                    inner += 1
                    innerSteps += 1
                }
                return nil
            }
            if let found = index.mention(startingAt: cursor) { cursor = mentions[found].lastToken + 1 } else { cursor += 1 }
            steps += 1
        }
        return nil
    }

    private func frame(_ entry: TriggerEntry, _ trigger: Trigger, first: Int, last: Int) {
        let verb = entry.verb
        let sentence = sentenceRange(of: first)
        let limit = sentence.upperBound
        // A determiner before the trigger makes it a noun ("the attack", "a strike").
        if cue(first - 1, .determiner) { return }
        // Base and -s forms are verbs only after their subject or an auxiliary ("would send",
        // "Russia strikes"); -ing forms only after a form of "be" ("is sending").
        switch entry.form {
        case .base:
            // The subject right before: an entity, an acronym in parentheses, or "NATIONALITY noun" ("North Korean
            // forces"; not a person and a verb: "Israel Katz said strikes would continue").
            let previousIsSubject = index.mention(endingAt: first - 1).map { isArgumentEntity($0) } ?? false
                || index.isPunctuation(first - 1, words.closeParenthesis)
                || (index.isLowercaseWord(first - 1) && !cue(first - 1, .determiner)
                    && (index.mention(endingAt: first - 2).map { isArgumentEntity($0) && !mentions[$0].isEntity(.person) } ?? false))
            if !(previousIsSubject || cue(first - 1, .auxiliary) || index.hasSuffix(first - 1, "ly")) { return }
        case .progressive:
            if !cue(first - 1, .be) { return }
        case .other:
            break
        }
        // "U.S.-backed Syrian Democratic Forces".
        if index.isPunctuation(first - 1, words.hyphen) || index.isPunctuation(first - 1, words.nonBreakingHyphen) {
            guard let supporter = index.mention(endingAt: first - 2), isArgumentEntity(supporter),
                let supported = index.mention(startingAt: last + 1), isArgumentEntity(supported)
            else { return }
            addPair(verb, trigger, supporter, supported, rule: "compound-\(verb.lemma)")
            return
        }
        var before = first - 1
        // Auxiliaries and adverbs between subject and verb; passive when a form of "be" is right before.
        var passive = false
        var probe = before
        while probe >= sentence.lowerBound, index.isLowercaseWord(probe), probe > first - 3 {
            if cue(probe, .be) { passive = true; break }
            if !index.hasSuffix(probe, "ly") { break }
            probe -= 1
        }
        let byFollows = isWord(last + 1, words.by) || isWord(last + 2, words.by)
        if passive && !byFollows { return }
        if byFollows, !passive {
            // Reduced passive ("the SDF, backed by Washington"): the patient is right before.
            var patientEnd = first - 1
            if index.isPunctuation(patientEnd, words.comma) { patientEnd -= 1 }
            guard let patient = index.mention(endingAt: patientEnd), isArgumentEntity(patient) || mentions[patient].isQuantity
            else { return }
            passive = true
            probe = mentions[patient].lastToken + 2
        }
        if passive {
            let byToken = isWord(last + 1, words.by) ? last + 1 : last + 2
            guard let agent = nounPhraseMention(at: byToken + 1, limit: limit).flatMap({ isArgumentEntity($0) ? $0 : nil })
            else { return }
            var patients: [Int] = []
            var relativeToken = probe - 1
            while relativeToken >= max(sentence.lowerBound, probe - 8), !cue(relativeToken, .relative) {
                relativeToken -= 1
            }
            if relativeToken >= max(sentence.lowerBound, probe - 8), let antecedent = antecedent(of: relativeToken, floor: sentence.lowerBound) {
                patients = [antecedent]
            } else {
                patients = subjects(before: probe - 1, floor: sentence.lowerBound, quantities: verb.type == "deploy")
            }
            let afterAgent = mentions[agent].lastToken + 1
            switch verb.type {
            case "deploy":
                for theme in patients where mentions[theme].isQuantity {
                    var arguments: [(role: String, reference: AnnotationReference)] = [
                        ("agent", reference(agent)), ("theme", reference(theme)),
                    ]
                    if let destination = place(after: afterAgent, limit: limit, prepositions: { $0 == words.to || $0 == words.into }) {
                        arguments.append(("destination", reference(destination)))
                    }
                    if let origin = place(after: afterAgent, limit: limit, prepositions: { $0 == words.from }) {
                        arguments.append(("origin", reference(origin)))
                    }
                    collector.add("deploy", arguments, rule: "passive-by", index: index, trigger: trigger)
                }
            default:
                for patient in patients where !mentions[patient].isQuantity {
                    addPair(verb, trigger, agent, patient, rule: "passive-by", limit: limit, after: afterAgent)
                }
            }
            return
        }
        before = probe
        let agents = subjects(before: before, floor: sentence.lowerBound)
        guard !agents.isEmpty else { return }
        switch verb.type {
        case "deploy":
            deployThemes(verb, trigger, agents, after: last + 1, limit: limit)
        case "attack":
            var targetStart = last + 1
            if verb.objectPreposition != nil {
                var cursor = last + 1
                let preposition = entry.objectPreposition
                // "at least 90 drones ... at Kharkiv": "at least" and "at most" are not the preposition.
                while cursor < limit, cursor < last + 14, !isWord(cursor, preposition) || cue(cursor + 1, .degree) {
                    if isWord(cursor, words.semicolon) || isWord(cursor, words.period) { return }
                    cursor += 1
                }
                guard cursor < limit, isWord(cursor, preposition), !cue(cursor + 1, .degree) else { return }
                targetStart = cursor + 1
            }
            guard let target = object(after: targetStart, limit: limit, excluding: Set(agents)) else { return }
            for agent in agents {
                addPair(verb, trigger, agent, target, rule: "active-svo", limit: limit, after: mentions[target].lastToken + 1)
            }
        default:
            guard let other = object(after: last + 1, limit: limit, excluding: Set(agents)) else { return }
            var second = other
            if mentions[agents[0]].isEntity(.person), mentions[other].isEntity(.nationality) {
                // "met his Philippine counterpart, Theresa Lazaro": the person named in apposition.
                var cursor = mentions[other].lastToken + 1
                while cursor < min(limit, mentions[other].lastToken + 6) {
                    if let person = index.mention(startingAt: cursor), mentions[person].isEntity(.person) {
                        second = person
                        break
                    }
                    cursor += 1
                }
            }
            for agent in agents {
                addPair(verb, trigger, agent, second, rule: "active-svo")
            }
        }
    }

    private func addPair(
        _ verb: TriggerVerb, _ trigger: Trigger, _ first: Int, _ second: Int, rule: String, limit: Int = 0, after: Int = 0
    ) {
        switch verb.type {
        case "attack":
            var arguments: [(role: String, reference: AnnotationReference)] = [
                ("attacker", reference(first)), ("target", reference(second)),
            ]
            if limit > 0,
                let location = place(
                    after: after, limit: limit,
                    prepositions: { $0 == words.in || $0 == words.near || $0 == words.at || $0 == words.outside }),
                location != second,
                // "struck Kharkiv in northeastern Ukraine": a place containing the target locates the
                // target, not the attack.
                !(mentions[second].isEntity(.location) && placeRank(mentions[location]) > placeRank(mentions[second]))
            {
                arguments.append(("location", reference(location)))
            }
            collector.add("attack", arguments, rule: rule, index: index, trigger: trigger)
        case "deploy":
            break
        default:
            collector.add(
                verb.type, [("party1", reference(first)), ("party2", reference(second))], rule: rule, index: index,
                trigger: trigger)
        }
    }

    /// A theme counts personnel, units or equipment; an uncounted quantity follows such a theme
    /// ("28,500 troops in South Korea and more than 50,000 in Japan").
    private func acceptsTheme(_ mention: Int, hasThemes: Bool) -> Bool {
        guard case let .quantity(position) = mentions[mention].reference else { return false }
        guard let lemma = index.documentQuantities[position].counted?.lemma else { return hasThemes }
        return shared.value.deployable.contains(lemma.utf8.allSatisfy { $0 < 0x80 && !($0 >= 65 && $0 <= 90) } ? lemma : lemma.lowercased())
    }

    /// "sent about 200 troops and four helicopters to X", "stations 28,500 troops in Y and 50,000 in Z":
    /// each cardinal quantity after the verb is a theme; a place after "to"/"into"/"in" is the
    /// destination of the themes before it, a place after "from" their origin.
    private func deployThemes(_ verb: TriggerVerb, _ trigger: Trigger, _ agents: [Int], after: Int, limit: Int) {
        var groups: [(themes: [Int], destination: Int?, origin: Int?)] = [([], nil, nil)]
        var cursor = after
        var steps = 0
        while cursor < limit, steps < 24 {
            let word = index.id(cursor)
            if word == words.semicolon || word == words.period || word == words.comma || cue(cursor, .clauseEnd) { break }
            if cue(cursor, .trigger), index.mention(at: cursor) == nil { break }
            if let found = index.mention(startingAt: cursor) {
                let mention = mentions[found]
                if mention.isQuantity, mention.subtype == .cardinal, acceptsTheme(found, hasThemes: groups.contains { !$0.themes.isEmpty }) {
                    if groups[groups.count - 1].destination != nil || groups[groups.count - 1].origin != nil {
                        groups.append(([], nil, nil))
                    }
                    groups[groups.count - 1].themes.append(found)
                }
                cursor = mention.lastToken + 1
                steps += 1
                continue
            }
            if word == words.to || word == words.into || word == words.in, !groups[groups.count - 1].themes.isEmpty,
                groups[groups.count - 1].destination == nil,
                let destination = nounPhraseMention(at: cursor + 1, limit: limit),
                mentions[destination].isEntity(.location) || (word == words.to && mentions[destination].isEntity(.organization))
            {
                groups[groups.count - 1].destination = destination
                cursor = mentions[destination].lastToken + 1
                steps += 1
                continue
            }
            if word == words.from, !groups[groups.count - 1].themes.isEmpty,
                let origin = nounPhraseMention(at: cursor + 1, limit: limit), mentions[origin].isEntity(.location)
            {
                groups[groups.count - 1].origin = origin
                cursor = mentions[origin].lastToken + 1
                steps += 1
                continue
            }
            cursor += 1
            steps += 1
        }
        for agent in agents {
            for group in groups {
                for theme in group.themes {
                    var arguments: [(role: String, reference: AnnotationReference)] = [
                        ("agent", reference(agent)), ("theme", reference(theme)),
                    ]
                    if let destination = group.destination { arguments.append(("destination", reference(destination))) }
                    if let origin = group.origin { arguments.append(("origin", reference(origin))) }
                    collector.add("deploy", arguments, rule: "active-svo", index: index, trigger: trigger)
                }
            }
        }
    }
}
