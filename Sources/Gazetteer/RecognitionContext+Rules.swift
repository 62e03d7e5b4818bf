import GazetteCore

extension EntityRecognizer {
    /// English function words: capitalised only because they open a sentence.
    static let functionWords: Set<String> = [
        "a", "about", "after", "against", "all", "also", "although", "among", "an", "and", "another", "any", "are",
        "as", "at", "be", "because", "before", "being", "both", "but", "by", "can", "could", "despite", "did", "do",
        "during", "each", "earlier", "either", "even", "every", "few", "for", "from", "had", "has", "have", "he",
        "her", "here", "his", "how", "however", "i", "if", "in", "instead", "into", "is", "it", "its", "last", "later",
        "like", "many", "may", "meanwhile", "more", "most", "much", "my", "neither", "new", "next", "no", "nor",
        "not", "now", "of", "on", "once", "one", "only", "or", "other", "our", "over", "said", "several", "she",
        "since", "so", "some", "still", "such", "than", "that", "the", "their", "then", "there", "these", "they",
        "this", "those", "though", "through", "thus", "to", "today", "under", "unlike", "until", "up", "upon", "was",
        "we", "were", "what", "when", "where", "whether", "which", "while", "who", "why", "will", "with", "within",
        "without", "would", "yesterday", "yet", "you",
        // prepositions: "Near Tadmur, ...", "Outside Downing Street" open with no name
        "above", "across", "along", "alongside", "amid", "around", "behind", "below", "beside", "between", "beyond",
        "inside", "near", "onto", "outside", "toward", "towards", "throughout", "via",
    ]

    /// Lower-case words that may join the parts of a name ("Bank of England", "Procter & Gamble").
    static let connectors: Set<String> = ["of", "for", "&", "and", "on", "the", "de", "du", "des", "del", "della", "di",
        "da", "do", "dos", "das", "van", "von", "der", "den", "ter", "ten", "la", "le", "al", "el", "bin", "ibn", "bint",
        "y", "zu", "St.", "St", "upon"]

    /// Head words of place names written "X of Y" ("Republic of Korea", "Gulf of Aden").
    static let placeHeads: Set<String> = [
        "Republic", "Kingdom", "Gulf", "Bay", "Isle", "Isles", "Sea", "Strait", "Straits", "Lake", "Mount", "Cape",
        "City", "Province", "State", "Principality", "Emirate", "Sultanate", "Commonwealth", "Duchy", "Port",
        "Island", "Islands", "Canton", "County", "District", "Region", "Valley", "River", "Isthmus",
    ]

    /// Capitalised compass words that may begin a place name.
    static let directions: Set<String> = [
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower",
        "Northeast", "Northwest", "Southeast", "Southwest", "North-East", "North-West", "South-East", "South-West",
    ]

    /// Prepositions that introduce a place ("in Reading", "near Nice").
    static let locativePrepositions: Set<String> = [
        "in", "at", "from", "near", "to", "outside", "across", "around", "toward", "towards", "into", "via", "through",
        "of", "between", "and", "Near", "In", "At", "From",
    ]

    /// The locative prepositions that, once before a common word that names a place ("in
    /// Reading"), make its other mid-sentence mentions in the document places too: not "of",
    /// "and" or "between", which join names of any kind ("Best Newcomer and Best Single").
    static let confirmingPrepositions = locativePrepositions.subtracting(["of", "and", "between"])

    /// Capitalised scale words and unit symbols written straight after a number ("5BN",
    /// "10KM", "400MW"): not the letters of a call sign or a name.
    static let glueableUnits: Set<String> = [
        "K", "M", "B", "BN", "MN", "MLN", "TN", "TR", "KM", "CM", "MM", "KG", "MG", "KT", "MT", "KW", "MW", "GW", "TW",
        "KWH", "MWH", "GWH", "KB", "MB", "GB", "TB", "HZ", "KHZ", "MHZ", "GHZ", "HP", "AM", "PM", "BC", "AD", "BCE", "CE",
        "GMT", "UTC", "MPH", "KPH", "KMH", "FT", "LB", "LBS", "OZ", "ML", "CC", "PC", "PCT", "BPS", "YR", "YRS", "ST", "ND",
        "RD", "TH",
    ]

    /// Lower-case place words that extend a preceding place ("the Donetsk region").
    static let trailingPlaceWords: Set<String> = [
        "region", "province", "oblast", "district", "county", "state", "prefecture", "governorate", "territory",
        "municipality", "krai", "raion", "canton", "department", "valley", "basin", "peninsula", "coast",
    ]
}

extension RecognitionContext {
    /// Runs every rule and returns the document's entities, sorted by range.
    mutating func run() -> [Entity] {
        var proposals: [Proposal] = []
        proposals.reserveCapacity(tokens.count / 4 + 16)
        var unknownRuns: [Range<Int>] = []
        unknownRuns.reserveCapacity(32)
        // Lower-case titles right before a capitalised name ("chief executive José Muñoz").
        var titleBefore: [Int: Proposal] = [:]
        for candidateIndex in candidates.indices where candidates[candidateIndex].code == .title {
            let span = candidates[candidateIndex].tokens
            guard !isCapitalised(span.lowerBound) else { continue }
            let next = span.upperBound
            guard next < tokens.count, isCapitalised(next), tokens[next].spaceBefore, titleBefore[next] == nil,
                tokens[next].sentence == tokens[span.lowerBound].sentence
            else { continue }
            var title = lexiconProposal(candidateIndex)
            title.rule = .titleBeforeName
            title.tokens = titleModifierStart(span.lowerBound)..<span.upperBound
            titleBefore[next] = title
            flags[next].insert(.titleBefore)
            proposals.append(title)
        }
        self.titleBefore = titleBefore
        // Names written with a lower-case first letter ("al-Qaeda", "al-Shabaab"): a lexicon
        // entry spelled exactly so, with a capital inside, outside any capitalised chunk.
        var lastLowerName = -1
        for index in entityIndices {
            let span = candidates[Int(index)].tokens
            let code = candidates[Int(index)].code
            let first = span.lowerBound
            guard first > lastLowerName, code == .organization || code == .location || code == .person,
                span.count >= 2, tokens[first].kind == .word, !isCapitalised(first),
                bytes[tokens[first].range.start] >= 0x61, bytes[tokens[first].range.start] <= 0x7A,
                span.contains(where: { isCapitalised($0) }), spelledAsListed(Int(index))
            else { continue }
            proposals.append(lexiconProposal(Int(index)))
            lastLowerName = span.upperBound - 1
        }
        var index = 0
        var buffers = ChunkBuffers(covered: [])
        swap(&buffers.covered, &coveredStore)
        while index < tokens.count {
            guard startsChunk(index) else {
                index += 1
                continue
            }
            let chunk = extendedChunkEnd(from: index, chunkEnd(from: index))
            analyse(index..<chunk, into: &proposals, unknown: &unknownRuns, buffers: &buffers)
            index = max(chunk, index + 1)
        }
        swap(&buffers.covered, &coveredStore)
        addDatelines(&proposals)
        // Lexicon entities outside capitalised chunks (lower-case nationalities are not names,
        // but titles such as "president" before a name are).
        var chosen = resolve(proposals)
        addAppositionTitles(&chosen)
        addAcronymDefinitions(&chosen)
        qualifyPlacesByRegion(&chosen)
        preferSubdivisions(&chosen)
        applyConsistency(&chosen, unknown: unknownRuns)
        dropUnattachedTitles(&chosen)
        removeOverlaps(&chosen)
        // (built in place: no temporary entity to copy and destroy)
        let context = self  // (one copy for the closure, not one per entity)
        var entities = [Entity](unsafeUninitializedCapacity: chosen.count) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            for proposal in chosen {
                context.initializeEntity(base + count, from: proposal)
                count += 1
            }
        }
        // usually in order already (the sort is stable, so skipping it changes nothing)
        var inOrder = true
        for index in entities.indices.dropFirst() where entities[index].range < entities[index - 1].range {
            inOrder = false
            break
        }
        if !inOrder { entities.sort { $0.range < $1.range } }
        return entities
    }

    // MARK: - Chunks

    /// A token that can start a capitalised chunk.
    func startsChunk(_ index: Int) -> Bool {
        isCapitalised(index)
    }

    /// "Zorvex Solutions and Acme Therapeutics", "Melbourne Cricket Ground and Subiaco Oval":
    /// "and" between two names of two words or more, each ending in an organisation or place
    /// keyword, joins no name (`and` is token `connector`, the name before it runs from `start`,
    /// the next one from `next`).
    func joinsTwoNames(_ start: Int, _ connector: Int, _ next: Int) -> Bool {
        guard connector - start >= 2, isWord(connector, "and"), endsNameKeyword(connector - 1) else { return false }
        var last = next
        while last + 1 < tokens.count, isCapitalised(last + 1), tokens[last + 1].spaceBefore,
            tokens[last + 1].sentence == tokens[next].sentence
        {
            last += 1
        }
        return last > next && endsNameKeyword(last)
    }

    /// True when an organisation keyword or a place keyword ends at token `index`.
    func endsNameKeyword(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && (orgKeywordEnd[index] != .none || has(index, .locKeyword))
    }

    /// The end (exclusive) of the capitalised chunk starting at `start`: capitalised words,
    /// joined by hyphens without spaces, particles and connectors before another capitalised word.
    func chunkEnd(from start: Int) -> Int {
        var end = start + 1
        let sentence = tokens[start].sentence
        while end < tokens.count, tokens[end].sentence == sentence {
            let token = tokens[end]
            if isCapitalised(end) {
                end += 1
                continue
            }
            // "Jean-Claude", "al-Assad", "AT&T", "B&SR", "University of Wisconsin–Madison" (an en
            // dash without spaces)
            if token.kind == .punctuation, !token.spaceBefore,
                token.range.length == 1
                    && (bytes[token.range.start] == UInt8(ascii: "-") || bytes[token.range.start] == UInt8(ascii: "&") && isCapitalLetters(end - 1))
                    || token.range.length == 3 && bytes[token.range.start] == 0xE2 && bytes[token.range.start + 1] == 0x80
                        && bytes[token.range.start + 2] == 0x93,
                end + 1 < tokens.count, !tokens[end + 1].spaceBefore, isCapitalised(end + 1)
            {
                end += 2
                continue
            }
            // "Moon Jae-in": a hyphenated given name's lower-case syllable
            if isByte(end, UInt8(ascii: "-")), end + 1 < tokens.count, isNameSyllable(end + 1) {
                end += 2
                continue
            }
            // "People’s Bank of China": a possessive inside a name that is not itself a known
            // entity, or that a lexicon entry spells with the possessive ("People" is a magazine)
            // "St. Peter’s Square", "St Mary’s Hospital": so does a saint's name before a place
            // or body word
            if !token.spaceBefore, isPossessive(end), end + 1 < tokens.count, isCapitalised(end + 1),
                tokens[end + 1].sentence == sentence,
                end - 1 == start && (entityRange(at: end - 1).isEmpty || entityCandidateCovers(from: start, past: end))
                    || isWord(start, "St.", "St", "Saint")
                        && (end - 1 == start + 1 || end - 1 == start + 2 && isByte(start + 1, UInt8(ascii: ".")))
                        && (has(end + 1, .locKeyword) || has(end + 1, .orgKeywordStart))
            {
                end += 2
                continue
            }
            // "John “Jed” Dorrian", "Richard "Tex" Coe": a quoted nickname inside a name
            if let surname = nicknameSurname(at: end) {
                end = surname + 1
                continue
            }
            // "Bank of England", "Charles de Gaulle", "Procter & Gamble"
            if token.spaceBefore, isText(end, RecognitionContext.connectorSet) || has(end, .particle) {
                var next = end + 1
                // "Bank of the West", "Ahmed al-Sharaa"
                if next < tokens.count, isWord(next, "the"), isWord(end, "of", "for", "on", "upon") { next += 1 }
                if next < tokens.count, isByte(next, UInt8(ascii: "-")), !tokens[next].spaceBefore, has(end, .particle) { next += 1 }
                // "Ursula von der Leyen", "Alexander Van der Bellen", "Juan de la Cruz": two particles
                if next + 1 < tokens.count, RecognitionContext.nameParticleSet.contains(bytes, tokens[end].range),
                    RecognitionContext.nameParticleSet.contains(bytes, tokens[next].range), tokens[next].spaceBefore
                {
                    next += 1
                }
                // "the Sea of Japan on Tuesday", "Bank of China in March": a day or month after a
                // connector is a date, not more of the name
                if next < tokens.count, isCapitalised(next), tokens[next].sentence == sentence,
                    !RecognitionContext.calendarWordSet.contains(bytes, tokens[next].range),
                    !(isWord(end, "on") && isWord(next, "May")),  // "... Club on May 5"
                    // "symbol CRO on the New York Stock Exchange", "Jezero Crater on Mars": an
                    // acronym or a place word takes no "on" complement (a Council does)
                    !(isWord(end, "on", "upon") && (isAcronym(end - 1) || has(end - 1, .locKeyword))),
                    !joinsTwoNames(start, end, next)
                {
                    end = next + 1
                    continue
                }
            }
            break
        }
        return end
    }

    /// `end`, or further: an acceptable entity entry that starts inside the chunk `start..<end`
    /// and ends on a capitalised word past it extends the chunk to its end ("the Islamic State
    /// of Iraq and the Levant": "and the" joins no chunk, but the listed name runs through it).
    func extendedChunkEnd(from start: Int, _ end: Int) -> Int {
        var end = end
        var position = start
        while position < end {
            for slot in entityRange(at: position) {
                let candidateIndex = Int(entityIndices[slot])
                let span = candidates[candidateIndex].tokens
                // (not through a possessive: "South Korea’s National Intelligence Service" is a
                // place and an agency, as the guidelines say, though a list spells it whole)
                // ("Lee Jae-myung", "Houthi rebels": a listed name may end in a lower-case word
                // where the text spells it exactly as listed, but a nationality or a place and a
                // noun stay apart: "the Ukrainian military", "the U.S. military")
                if span.upperBound > end,
                    isCapitalised(span.upperBound - 1)
                        || candidates[candidateIndex].code != .title && candidates[candidateIndex].code != .nationality
                            && !entityRange(at: span.lowerBound).contains(where: {
                                let code = candidates[Int(entityIndices[$0])].code
                                return code == .nationality || code == .location
                            })
                            && spelledAsListed(candidateIndex),
                    isAcceptable(candidateIndex), !(end..<span.upperBound).contains(where: { isPossessive($0) })
                {
                    end = span.upperBound
                }
            }
            position += 1
        }
        return end
    }

    /// Particles that may follow one another inside a name ("von der", "de la", "van den").
    static let nameParticleSet = ExactWordSet([
        "von", "van", "Van", "de", "De", "der", "den", "la", "le", "du", "da", "dos", "del", "della", "di", "ter", "ten",
    ])

    /// The most tokens a person's name opened by a given name spans ("Mohammed bin Salman Al
    /// Saud", "Abu Bakr al-Baghdadi"): a longer run of capitalised words is no one name.
    static let longestGivenNameRun = 7

    /// The four compass points, capitalised: a region alone after "the" ("the West").
    static let compassPointSet = ExactWordSet(["North", "South", "East", "West"])

    /// Days, months and seasons, which a connector does not join to a name ("in Spring 2007" is
    /// no Texan town).
    static let calendarWordSet = ExactWordSet([
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "June", "July", "August", "September", "October", "November", "December", "Spring", "Summer", "Autumn",
        "Winter",
    ])

    // MARK: - Analysing a chunk

    /// Proposes entities for one capitalised chunk.
    mutating func analyse(
        _ chunk: Range<Int>, into proposals: inout [Proposal], unknown: inout [Range<Int>], buffers: inout ChunkBuffers
    ) {
        var chunk = chunk
        // "Hurricane Milton", "Typhoon Haiyan", "Tropical Storm Alberto": a storm's name is no
        // place or person
        if chunk.count >= 2, RecognitionContext.stormWordSet.contains(bytes, tokens[chunk.lowerBound].range),
            !isWord(chunk.lowerBound, "Tropical") || isWord(chunk.lowerBound + 1, "Storm", "Depression")
        {
            return
        }
        let headline = inCapitalsSentence(chunk.lowerBound)
        // A sentence-initial word whose capital proves nothing is left out of the chunk, unless a
        // lexicon entry starting there covers more than it.
        // "Will Smith arrived": a given name that is also a function word opens a sentence, and a
        // known surname that names nothing else follows
        let opensWithName = has(chunk.lowerBound, .functionWordGivenName) && isWord(chunk.lowerBound, "Will", "May")
            && chunk.count >= 2
            && has(chunk.lowerBound + 1, .surname) && entityRange(at: chunk.lowerBound + 1).isEmpty
            && tokens[chunk.lowerBound + 1].spaceBefore
        // (most chunks open inside a sentence: tested here before the call)
        if !opensWithName, tokens[chunk.lowerBound].isSentenceInitial, isOnlySentenceCapital(chunk.lowerBound),
            !entityRange(at: chunk.lowerBound).contains(where: { isCoordinated(chunk.lowerBound, with: candidates[Int(entityIndices[$0])].code) })
        {
            var longest = 0
            for slot in entityRange(at: chunk.lowerBound) { longest = max(longest, candidates[Int(entityIndices[slot])].tokens.count) }
            if longest <= 1, !isConfirmedCountry(at: chunk.lowerBound) {
                // "May told delegates": only a person named in full elsewhere can claim it
                if tokens[chunk.lowerBound].kind == .word { unknown.append(chunk.lowerBound..<(chunk.lowerBound + 1)) }
                chunk = (chunk.lowerBound + 1)..<chunk.upperBound
                while !chunk.isEmpty, !isCapitalised(chunk.lowerBound) { chunk = (chunk.lowerBound + 1)..<chunk.upperBound }
            }
        }
        guard !chunk.isEmpty else { return }
        // "USS Gerald R. Ford", "the HMS Queen Elizabeth": a ship's name is no person or place
        // (nor the initials and name after it: a chunk ends at an initial)
        if chunk.count >= 2, RecognitionContext.shipPrefixSet.contains(bytes, tokens[chunk.lowerBound].range) {
            var end = chunk.upperBound
            while end < tokens.count, tokens[end].sentence == tokens[chunk.lowerBound].sentence, isInitial(end) || isCapitalised(end) {
                end += 1
            }
            buffers.shipNameEnd = end
            return
        }
        if chunk.lowerBound < buffers.shipNameEnd { return }
        // "the Battle of Fredericksburg", "the Siege of Petersburg": an event's name, and no
        // place is named inside it (Corpus/README.md)
        if chunk.count >= 3, RecognitionContext.eventOpeningSet.contains(bytes, tokens[chunk.lowerBound].range),
            isWord(chunk.lowerBound + 1, "of")
        {
            return
        }
        // Most chunks are one capitalised word at which no entity candidate starts: no tiling,
        // no pieces, no whole-chunk pattern beyond a suffix after it (the same steps as below).
        if chunk.count == 1, entityRange(at: chunk.lowerBound).isEmpty {
            analyseLoneWord(chunk.lowerBound, headline: headline, into: &proposals, unknown: &unknown)
            return
        }

        // (the run's buffers, passed in place: no array to swap in and out, none to release)
        analyseTiled(
            chunk, headline: headline, opensWithName: opensWithName, into: &proposals, unknown: &unknown,
            pieces: &buffers.pieces, covered: &buffers.covered, inside: &buffers.inside)
    }

    /// `analyse` for a chunk of several tokens or with entity candidates: lexicon tiling,
    /// whole-chunk patterns, persons, then the runs no piece covers. `pieces` and `inside` come
    /// empty and are left empty; `covered` holds a stamp per token (see below).
    mutating func analyseTiled(
        _ chunk: Range<Int>, headline: Bool, opensWithName: Bool, into proposals: inout [Proposal], unknown: inout [Range<Int>],
        pieces: inout [Proposal], covered: inout [Int], inside: inout [Int32]
    ) {
        defer {
            // (emptied one by one: cheaper than the general removal for these short arrays)
            while !pieces.isEmpty { pieces.removeLast() }
            while !inside.isEmpty { inside.removeLast() }
        }
        // 1. Lexicon tiling: the best non-overlapping entity candidates inside the chunk.
        // `covered[t] == stamp`: token t is covered in this chunk (the stamp is unique per call:
        // chunks do not overlap)
        let stamp = chunk.lowerBound + 1
        var multiTokenTitle = false
        for position in chunk {
            for slot in entityRange(at: position) {
                let candidateIndex = entityIndices[slot]
                let span = candidates[Int(candidateIndex)].tokens
                guard span.upperBound <= chunk.upperBound, isAcceptable(Int(candidateIndex)) else { continue }
                if candidates[Int(candidateIndex)].code == .title, span.count > 1 { multiTokenTitle = true }
                inside.append(candidateIndex)
            }
        }
        // "ECB President", "NATO Secretary-General": an entity followed by a title, not one title.
        if multiTokenTitle {
            let all = inside
            let candidates = self.candidates
            inside.removeAll { titleIndex in
                let title = candidates[Int(titleIndex)]
                return title.code == .title && title.tokens.count > 1
                    && all.contains { entityIndex in
                        let entity = candidates[Int(entityIndex)]
                        return entity.code != .title && entity.tokens.lowerBound == title.tokens.lowerBound
                            && entity.tokens.upperBound < title.tokens.upperBound
                            && all.contains { restIndex in
                                let rest = candidates[Int(restIndex)]
                                return rest.code == .title && rest.tokens.lowerBound == entity.tokens.upperBound
                                    && rest.tokens.upperBound == title.tokens.upperBound
                            }
                    }
            }
        }
        if inside.count > 1 { sortPieces(&inside) }
        for candidateIndex in inside {
            let span = candidates[Int(candidateIndex)].tokens
            guard !span.contains(where: { covered[$0] == stamp }) else { continue }
            for position in span { covered[position] = stamp }
            pieces.append(lexiconProposal(Int(candidateIndex)))
        }
        // "King Abdullah II", "Gen. Abdel Fattah al-Burhan": a listed name that opens with a
        // title is the title and the person (who keeps the entry's canonical reference)
        if pieces.contains(where: { $0.label == .person && $0.tokens.count >= 2 }) { splitLeadingTitles(&pieces) }
        if pieces.count > 1 {
            pieces.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
            // "West Jersey", "East Perth": a capitalised direction joined to the place it
            // qualifies (merged in place: `kept` pieces are final)
            var kept = 0
            for index in pieces.indices {
                let piece = pieces[index]
                if kept > 0, case let last = pieces[kept - 1], last.tokens.upperBound == piece.tokens.lowerBound,
                    piece.label == .location, last.tokens.count == 1, isText(last.tokens.lowerBound, RecognitionContext.directionSet)
                {
                    var place = piece
                    place.tokens = last.tokens.lowerBound..<piece.tokens.upperBound
                    place.rule = .directionPlace
                    place.details = nil
                    place.subtypeCode = .region
                    pieces[kept - 1] = place
                    continue
                }
                if kept != index { pieces[kept] = piece }
                kept += 1
            }
            pieces.removeLast(pieces.count - kept)
        }
        // "East Perth", "South Bridgton": a capitalised compass point that no piece covers, right
        // before a listed place inside the chunk, names a part of it (not "eastern Perth")
        for index in pieces.indices where chunk.count >= 2 && pieces[index].label == .location {
            let first = pieces[index].tokens.lowerBound
            guard first - 1 >= chunk.lowerBound, tokens[first].spaceBefore, isText(first - 1, RecognitionContext.compassPointSet),
                index == 0 || pieces[index - 1].tokens.upperBound < first
            else { continue }
            pieces[index].tokens = (first - 1)..<pieces[index].tokens.upperBound
            pieces[index].rule = .directionPlace
            pieces[index].details = nil
            pieces[index].subtypeCode = .region
        }
        // "Cricket Australia", "Rugby Australia", "Athletics Kenya": a sport right before a
        // country names that country's governing body of the sport; the sport may be a town's
        // name too ("Rugby"), and the body ends the chunk or comes before a connector. (The token
        // tests come first: the subtype is read from the entry's template.)
        if pieces.count >= 1, chunk.count >= 2 {
            var index = pieces.count - 1
            while index >= 0 {
                defer { index -= 1 }
                guard pieces[index].label == .location else { continue }
                let first = pieces[index].tokens.lowerBound
                let next = pieces[index].tokens.upperBound
                guard first - 1 >= chunk.lowerBound, tokens[first].spaceBefore, isText(first - 1, RecognitionContext.sportSet),
                    next == chunk.upperBound || isText(next, RecognitionContext.connectorSet), pieces[index].subtype == "country"
                else { continue }
                let sportPiece = index > 0 && pieces[index - 1].tokens == (first - 1)..<first && pieces[index - 1].label == .location
                guard sportPiece || index == 0 || pieces[index - 1].tokens.upperBound < first else { continue }
                pieces[index] = Proposal(
                    tokens: (first - 1)..<next, label: .organization, subtype: .other, rule: .placeTeam, strength: 3)
                if sportPiece {
                    pieces.remove(at: index - 1)
                    index -= 1
                }
            }
        }
        // "Chittoor District of Andhra Pradesh", "Kherson Oblast and ...": a place word right
        // after a listed place, before a connector inside the chunk, belongs to the place
        for index in pieces.indices where chunk.count >= 3 && pieces[index].label == .location {
            let next = pieces[index].tokens.upperBound
            guard next + 1 < chunk.upperBound, has(next, .locKeyword), isCapitalised(next),
                isText(next + 1, RecognitionContext.connectorSet),
                index + 1 == pieces.count || pieces[index + 1].tokens.lowerBound > next
            else { continue }
            pieces[index].tokens = pieces[index].tokens.lowerBound..<(next + 1)
            pieces[index].rule = .locKeyword
            if pieces[index].subtypeCode == .city { pieces[index].subtypeCode = .region }
        }
        // "the Stanley Cup", "the Monaco Grand Prix": a town or city opening the name of an event
        // or award is part of that name, not a place of its own
        if !pieces.isEmpty, chunk.count >= 2, isText(chunk.upperBound - 1, RecognitionContext.eventHeadSet) {
            pieces.removeAll {
                $0.label == .location && $0.subtypeCode == .city && $0.tokens.lowerBound == chunk.lowerBound
                    && $0.tokens.upperBound < chunk.upperBound
            }
        }
        // "Secretary Kerry", "President Lincoln", "Special Advisor Thames": a title right before a
        // last name word names a person, even where a lexicon knows that word as a town, a
        // region or a river
        if pieces.count >= 2, !headline {
            for index in 1..<pieces.count {
                let title = pieces[index - 1]
                let place = pieces[index]
                let next = place.tokens.upperBound
                guard title.label == .title, place.label == .location, place.tokens.count == 1,
                    place.subtypeCode == .city || place.subtypeCode == .region || place.subtype == "body_of_water",
                    title.tokens.upperBound == place.tokens.lowerBound,
                    tokens[place.tokens.lowerBound].spaceBefore, next == chunk.upperBound || !isCapitalised(next)
                else { continue }
                pieces[index] = Proposal(tokens: place.tokens, label: .person, rule: .titleName, strength: 3)
            }
        }
        // "Mr. Jordan", "Lord Stanley", "Ms. Ford": an honorific right before one listed word
        // names a person, whatever else the lists know that word as; "C. H. Douglas": so do
        // initials (the name is the initials and the word)
        if !pieces.isEmpty, !headline {
            for index in pieces.indices {
                let piece = pieces[index]
                let first = piece.tokens.lowerBound
                guard piece.label == .location || piece.label == .organization, piece.tokens.count == 1, first > chunk.lowerBound,
                    tokens[first].spaceBefore, piece.tokens.upperBound == chunk.upperBound || !isCapitalised(piece.tokens.upperBound),
                    !isAcronym(first), index == 0 || pieces[index - 1].tokens.upperBound < first
                else { continue }
                if has(first - 1, .honorific) {
                    pieces[index] = Proposal(tokens: piece.tokens, label: .person, rule: .titleName, strength: 3)
                } else if let start = initialsStart(before: first, from: chunk.lowerBound),
                    // ("USS Gerald R. Ford": initials after a capitalised word open no name)
                    start == chunk.lowerBound || !isCapitalised(start - 1)
                {
                    pieces[index] = Proposal(tokens: start..<piece.tokens.upperBound, label: .person, rule: .initialsName, strength: 3)
                }
            }
        }

        // 2. Whole-chunk patterns (organisation and place names) after any leading titles.
        var bodyStart = chunk.lowerBound
        while let title = pieces.first(where: { $0.tokens.lowerBound == bodyStart && $0.label == .title }) {
            // "the General Staff", "the General Command": a one-word title written out, then one
            // organisation keyword ending the chunk, is that body's name, not a person's title
            if title.tokens.count == 1, title.tokens.upperBound + 1 == chunk.upperBound,
                orgKeywordEnd[title.tokens.upperBound] != .none, has(title.tokens.upperBound, .orgKeywordStart),
                tokens[title.tokens.lowerBound].range.end > tokens[title.tokens.lowerBound].range.start,
                bytes[tokens[title.tokens.lowerBound].range.end - 1] != UInt8(ascii: ".")
            {
                break
            }
            bodyStart = title.tokens.upperBound
        }
        while bodyStart < chunk.upperBound, has(bodyStart, .honorific) { bodyStart += 1 }
        let body = bodyStart..<chunk.upperBound
        // "the 3rd Battalion", "321st Field Artillery Regiment": a numbered unit; its ordinal
        // (not capitalised, so outside the chunk) belongs to the name.
        // ("16 Air Assault Brigade", "65 Air Division": a bare number before a unit of several
        // words, in the British and US Air Force manner)
        let numbered = body.lowerBound == chunk.lowerBound
            && (isUnitOrdinal(chunk.lowerBound - 1)
                || body.count >= 2 && isUnitNumber(chunk.lowerBound - 1) && isText(body.upperBound - 1, RecognitionContext.unitSizeSet))
        if numbered, !headline, body.count == 1, orgKeywordEnd[body.lowerBound] == .military,
            !pieces.contains(where: { $0.tokens.overlaps(body) && $0.label != .title })
        {
            proposals.append(Proposal(
                tokens: (body.lowerBound - 1)..<body.upperBound, label: .organization, subtype: .military, rule: .numberedUnit,
                strength: 3))
            return
        }
        if !body.isEmpty, !headline, var pattern = namePattern(body, pieces: pieces) {
            if numbered, pattern.label == .organization, pattern.tokens.lowerBound == body.lowerBound {
                pattern.tokens = (body.lowerBound - 1)..<pattern.tokens.upperBound
                pattern.rule = .numberedUnit
            }
            if pattern.tokens.lowerBound <= body.lowerBound, pattern.tokens.upperBound == chunk.upperBound {
                proposals.append(contentsOf: pieces.filter { $0.tokens.upperBound <= body.lowerBound })
                proposals.append(pattern)
                return
            }
            // the name is the head or the tail of the chunk ("Bank of England Governor Andrew
            // Bailey", "Amos Frumkin of the Hebrew University"): the other words are analysed on
            // their own
            pieces.removeAll { $0.tokens.overlaps(pattern.tokens) }
            pieces.append(pattern)
            pieces.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        }

        // A given name (or a title) followed by more name words is a person, even where a
        // lexicon knows a later word as a place ("Michael Jordan", "Philip Sheridan").
        if !headline {
            // (the first tokens of the title pieces, as the pieces are now: a few at most, so a
            // short list, made only where there is a title)
            var titleStarts: [Int] = []
            for piece in pieces where piece.label == .title { titleStarts.append(piece.tokens.lowerBound) }
            var position = body.lowerBound
            while position < body.upperBound {
                defer { position += 1 }
                guard has(position, .givenName) || opensWithName && position == chunk.lowerBound, !isAcronym(position),
                    !titleStarts.contains(position), !has(position, .honorific)
                else { continue }
                // "Director-General Gilbert Houngbo": a word inside a title opens no name
                if !titleStarts.isEmpty, pieces.contains(where: { $0.label == .title && $0.tokens.contains(position) }) { continue }
                // "the San Francisco Bay Area": a place word right after a listed place goes on
                // with the place
                if has(position, .locKeyword), pieces.contains(where: { $0.label == .location && $0.tokens.upperBound == position }) {
                    continue
                }
                if position > body.lowerBound, has(position - 1, .givenName) && !pieces.contains(where: { $0.label == .title && $0.tokens.upperBound == position })
                    || isCapitalised(position - 1) && !pieces.contains(where: { $0.tokens.upperBound == position })
                        && !isDescriptor(position - 1)
                { continue }
                let end = personEnd(from: position, limit: chunk.upperBound, titles: titleStarts)
                // A longer run is a list or a heading, not one name ("Paris Berlin Madrid Rome
                // ..."): no name opens inside it either (which keeps an endless run linear).
                if end - position > RecognitionContext.longestGivenNameRun {
                    position = end - 1
                    continue
                }
                guard end - position >= 2 else { continue }
                // "Alfred Phillips House", "Paxton Water Tower": the name of a place or body
                if end < chunk.upperBound, has(end, .locKeyword) || has(end, .orgKeywordStart) { continue }
                let span = position..<end
                if pieces.contains(where: { $0.tokens.count >= span.count && $0.tokens.overlaps(span) }) { continue }
                // "Stanley Cup", "January Uprising": the name of an event or award, not a person
                if isText(end - 1, RecognitionContext.eventHeadSet) { continue }
                if isUnconfirmedCommonGivenName(span) { continue }
                // "north of Al Huwayjah", "near Ayn Isa", "near Tal Afar": after a word that puts a
                // place there, an article ("Al", also a given name) or a name ending in no known
                // surname (or in a listed place) opens a place, not a person ("near John Smith")
                let isPlace = isAfterPlaceWord(span)
                    && (has(position, .particle) || !has(end - 1, .surname)
                        || pieces.contains(where: { $0.label == .location && $0.tokens.upperBound == end }))
                // "German Research Minister": a nationality and a portfolio before an office, not a name
                // ("a German Senator and entomologist": a nationality and an office, no name)
                if !isPlace,
                    pieces.contains(where: {
                        $0.label == .title && ($0.tokens.lowerBound == end || $0.tokens.upperBound == end && $0.tokens.lowerBound > position)
                    }),
                    pieces.contains(where: { $0.label == .nationality && $0.tokens.lowerBound == position })
                { continue }
                pieces.removeAll { $0.tokens.overlaps(span) && $0.label != .title && $0.label != .nationality }
                pieces.append(isPlace
                    ? Proposal(tokens: span, label: .location, rule: .placePreposition, strength: 3)
                    : Proposal(tokens: span, label: .person, rule: .givenName, strength: 3))
                pieces.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
                position = end - 1
            }
        }

        // "Energy Minister", "External Affairs Minister": portfolio words before a listed office
        if !headline { extendPortfolioTitles(&pieces, in: chunk) }

        // 3. The runs no lexicon entry covers.
        var previousPiece: Proposal? = has(chunk.lowerBound, .titleBefore) ? titleBefore[chunk.lowerBound] : nil
        var position = chunk.lowerBound
        // The pieces and the runs' proposals go to the end of `proposals` (from `emittedStart`).
        let emittedStart = proposals.count
        proposals.append(contentsOf: pieces)
        for piece in pieces {
            if position < piece.tokens.lowerBound {
                closeRun(
                    position..<piece.tokens.lowerBound, after: previousPiece, before: piece, headline: headline,
                    into: &proposals, unknown: &unknown)
            }
            previousPiece = piece
            position = piece.tokens.upperBound
        }
        if position < chunk.upperBound {
            closeRun(
                position..<chunk.upperBound, after: previousPiece, before: nil, headline: headline, into: &proposals,
                unknown: &unknown)
        }
        extendByTrailingPlaceWord(proposals: &proposals, from: emittedStart, next: chunk.upperBound)
    }

    /// "the Donetsk region", "Hebei province": a place among `proposals[emittedStart...]` that
    /// ends right before token `next` swallows it when it is a place word.
    @inline(__always)
    func extendByTrailingPlaceWord(proposals: inout [Proposal], from emittedStart: Int, next: Int) {
        guard next < tokens.count else { return }
        // (most chunks emit no place ending there: the few proposals are tested before the word)
        var placeEndsThere = false
        for offset in emittedStart..<proposals.count where proposals[offset].label == .location && proposals[offset].tokens.upperBound == next {
            placeEndsThere = true
            break
        }
        guard placeEndsThere, isText(next, RecognitionContext.trailingPlaceWordSet) else { return }
        for offset in emittedStart..<proposals.count
        where proposals[offset].label == .location && proposals[offset].tokens.upperBound == next {
            proposals[offset].tokens = proposals[offset].tokens.lowerBound..<(next + 1)
            proposals[offset].rule = .locKeyword
            if proposals[offset].subtypeCode == .city || proposals[offset].subtype == nil { proposals[offset].subtypeCode = .region }
            proposals[offset].strength = 3
        }
    }

    /// `analyse` for a chunk of the one token `index`, at which no entity candidate starts: no
    /// lexicon pieces, so (as the general steps do then) a numbered unit, an organisation before
    /// a company suffix, or else the word as a run of its own (after any lower-case title).
    mutating func analyseLoneWord(_ index: Int, headline: Bool, into proposals: inout [Proposal], unknown: inout [Range<Int>]) {
        let chunk = index..<(index + 1)
        // an honorific is no body: the word is only a run
        if !has(index, .honorific) {
            let numbered = isUnitOrdinal(index - 1)
            if numbered, !headline, orgKeywordEnd[index] == .military {
                proposals.append(Proposal(
                    tokens: (index - 1)..<chunk.upperBound, label: .organization, subtype: .military, rule: .numberedUnit,
                    strength: 3))
                return
            }
            if !headline, var pattern = namePattern(chunk, pieces: []) {
                if numbered, pattern.label == .organization, pattern.tokens.lowerBound == index {
                    pattern.tokens = (index - 1)..<pattern.tokens.upperBound
                    pattern.rule = .numberedUnit
                }
                if pattern.tokens.lowerBound <= index {
                    proposals.append(pattern)
                    return
                }
            }
        }
        let previousPiece: Proposal? = has(index, .titleBefore) ? titleBefore[index] : nil
        let emittedStart = proposals.count
        closeRun(chunk, after: previousPiece, before: nil, headline: headline, into: &proposals, unknown: &unknown)
        extendByTrailingPlaceWord(proposals: &proposals, from: emittedStart, next: chunk.upperBound)
    }

    /// Sorts a chunk's candidates (indices into `candidates`): longer first, then higher list
    /// priority, then earlier, then (the same name in one list: Moscow, Russia and Moscow,
    /// Idaho) the larger place. Populations are read only for candidates that tie on the rest.
    func sortPieces(_ inside: inout [Int32]) {
        // Short lists (nearly all): a stable insertion sort in place, which orders them as the
        // standard library's (stable) sort does; populations are read only on ties.
        if inside.count <= 24 {
            @inline(__always) func precedes(_ lhs: Int32, _ rhs: Int32) -> Bool {
                let left = candidates[Int(lhs)].tokens
                let right = candidates[Int(rhs)].tokens
                if left.count != right.count { return left.count > right.count }
                let leftPriority = candidates[Int(lhs)].priority
                let rightPriority = candidates[Int(rhs)].priority
                if leftPriority != rightPriority { return leftPriority > rightPriority }
                if left.lowerBound != right.lowerBound { return left.lowerBound < right.lowerBound }
                return population(candidates[Int(lhs)].entry) > population(candidates[Int(rhs)].entry)
            }
            for sorted in 1..<inside.count {
                let moving = inside[sorted]
                var slot = sorted
                while slot > 0, precedes(moving, inside[slot - 1]) {
                    inside[slot] = inside[slot - 1]
                    slot -= 1
                }
                inside[slot] = moving
            }
            return
        }
        // Long lists (a very long chunk): sort on the keys (the original order breaks ties, as in
        // a stable sort), then read populations only within runs of equal keys, so the work
        // stays O(n log n) however long the chunk.
        var decorated = [(index: Int32, count: Int, priority: Int, start: Int, offset: Int, population: Int)]()
        decorated.reserveCapacity(inside.count)
        for (offset, index) in inside.enumerated() {
            let span = candidates[Int(index)].tokens
            decorated.append((index, span.count, candidates[Int(index)].priority, span.lowerBound, offset, 0))
        }
        decorated.sort { lhs, rhs in
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
            if lhs.start != rhs.start { return lhs.start < rhs.start }
            return lhs.offset < rhs.offset
        }
        var runStart = 0
        while runStart < decorated.count {
            var runEnd = runStart + 1
            while runEnd < decorated.count, decorated[runEnd].count == decorated[runStart].count,
                decorated[runEnd].priority == decorated[runStart].priority, decorated[runEnd].start == decorated[runStart].start
            {
                runEnd += 1
            }
            if runEnd - runStart > 1 {
                for position in runStart..<runEnd {
                    decorated[position].population = population(candidates[Int(decorated[position].index)].entry)
                }
                decorated[runStart..<runEnd].sort { lhs, rhs in
                    lhs.population != rhs.population ? lhs.population > rhs.population : lhs.offset < rhs.offset
                }
            }
            runStart = runEnd
        }
        for offset in decorated.indices { inside[offset] = decorated[offset].index }
    }

    /// Classifies a stretch of a chunk that no lexicon piece covers (`after`: the piece before
    /// it, `before`: the piece after it), trimmed to capitalised words and split at connectors.
    func closeRun(
        _ stretch: Range<Int>, after previousPiece: Proposal?, before next: Proposal?, headline: Bool,
        into emitted: inout [Proposal], unknown: inout [Range<Int>]
    ) {
        var run = stretch
        while !run.isEmpty, !isCapitalised(run.lowerBound) { run = (run.lowerBound + 1)..<run.upperBound }
        while !run.isEmpty, !isCapitalised(run.upperBound - 1), !has(run.upperBound - 1, .nameSuffix), !isNameSyllable(run.upperBound - 1) {
            run = run.lowerBound..<(run.upperBound - 1)
        }
        guard !run.isEmpty else { return }
        // "Jared and Shannon": a run joined by a connector that made no name is two runs. Each
        // part is classified once the next one starts (only the last sees the piece after it).
        var pending: Range<Int>? = nil
        var pendingIsFirst = true
        func classify(_ part: Range<Int>, first: Bool, last: Bool) {
            if let proposal = classifyRun(part, after: first ? previousPiece : nil, before: last ? next : nil, headline: headline) {
                emitted.append(proposal)
            } else {
                unknown.append(part)
            }
        }
        var partStart = run.lowerBound
        for position in run where isRunConnector(position) {
            if partStart < position {
                if let part = pending {
                    classify(part, first: pendingIsFirst, last: false)
                    pendingIsFirst = false
                }
                pending = partStart..<position
            }
            partStart = position + 1
        }
        if partStart < run.upperBound {
            if let part = pending {
                classify(part, first: pendingIsFirst, last: false)
                pendingIsFirst = false
            }
            pending = partStart..<run.upperBound
        }
        if let part = pending { classify(part, first: pendingIsFirst, last: true) }
    }

    /// "and", "&", "of", "for", "on", "the" or "upon" written apart, which splits a run that made
    /// no name (`closeRun`). Capitalised words, the most tokens of runs, are ruled out by their
    /// first byte without walking the words.
    @inline(__always)
    func isRunConnector(_ index: Int) -> Bool {
        let range = tokens[index].range
        guard tokens[index].spaceBefore, range.length > 0, range.length <= 4 else { return false }
        let lead = bytes[range.start]
        guard lead >= 0x61 && lead <= 0x7A || lead == UInt8(ascii: "&") else { return false }
        return isWord(index, "and", "&", "of", "for", "on", "the", "upon")
    }

    /// Office words that take a portfolio before them ("Energy Minister", "Home Secretary").
    static let portfolioHeadSet = ExactWordSet(["Minister", "Secretary", "Commissioner"])
    /// Head words of the names of events, awards and agreements ("Stanley Cup", "Nobel Prize",
    /// "January Uprising", "Geneva Communique"): a name ending in one is no person.
    static let eventHeadSet = ExactWordSet([
        "Cup", "Award", "Awards", "Prize", "Prizes", "Trophy", "Medal", "Games", "Olympics", "Championship",
        "Championships", "Tournament", "Uprising", "Rebellion", "Revolution", "War", "Summit", "Communique",
        "Communiqué", "Festival", "Treaty", "Accord", "Accords", "Declaration", "Doctrine", "Marathon",
        "Cups", "Trophies", "Medals", "Wars", "Summits", "Treaties", "Festivals", "Marathons", "Bowl", "Series",
        "Conference", "Convention", "Prix",
        // things and laws named after people ("James Webb Space Telescope", "Dodd-Frank Act")
        "Telescope", "Satellite", "Spacecraft", "Act", "Amendment", "Syndrome",
    ])
    /// Words naming a storm before its name ("Hurricane Milton", "Tropical Storm Alberto").
    static let stormWordSet = ExactWordSet(["Hurricane", "Typhoon", "Cyclone", "Storm", "Tropical"])
    /// Sports whose national governing bodies are named "<Sport> <Country>" ("Cricket Australia").
    static let sportSet = ExactWordSet([
        "Cricket", "Rugby", "Tennis", "Swimming", "Athletics", "Football", "Hockey", "Cycling", "Golf", "Netball",
        "Basketball", "Volleyball", "Rowing", "Sailing", "Gymnastics", "Boxing", "Triathlon", "Badminton", "Squash",
    ])

    /// Words that open an event's name before "of" ("the Battle of Kursk", "the Siege of Leningrad").
    static let eventOpeningSet = ExactWordSet(["Battle", "Battles", "Siege", "Sieges", "Massacre", "Sack", "Storming"])

    /// Prefixes of ships' names (navies and coast guards).
    static let shipPrefixSet = ExactWordSet(["USS", "USNS", "USCGC", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "JS", "ROKS", "FS", "RFS"])
    /// Capitalised words that open a place name before a name ("Fort Campbell", "Lake Chad").
    static let placePrefixSet = ExactWordSet(["Fort", "Camp", "Mount", "Mt.", "Lake", "Cape", "Port", "Isle", "Loch"])
    /// Words right before a place ("near Rawah", "Outside Tadmur, ...").
    static let placeLeadSet = ExactWordSet(["near", "Near", "outside", "Outside"])
    /// Words before "of" and a place ("north of Mosul", "the outskirts of Raqqa", "the town of
    /// Tel Tamer").
    static let placeOfLeadSet = ExactWordSet([
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts", "vicinity",
        "outside", "town", "towns", "city", "cities", "village", "villages", "suburb", "suburbs", "province", "district",
    ])

    /// Extends a title piece that is a bare office word ("Minister") over the one to three
    /// capitalised words no piece covers right before it in the chunk ("Research Minister",
    /// "External Affairs Minister"; "[German] [Research Minister]"): rule `portfolio-title`.
    func extendPortfolioTitles(_ pieces: inout [Proposal], in chunk: Range<Int>) {
        for index in pieces.indices where pieces[index].label == .title {
            let start = pieces[index].tokens.lowerBound
            guard RecognitionContext.portfolioHeadSet.contains(bytes, tokens[start].range) else { continue }
            let previousEnd = index > 0 ? pieces[index - 1].tokens.upperBound : chunk.lowerBound
            guard previousEnd < start, start - previousEnd <= 3 else { continue }
            let stretch = previousEnd..<start
            // capitalised words written apart, none a function word, connector, given name or acronym
            guard stretch.allSatisfy({ position in
                isCapitalised(position) && (tokens[position].spaceBefore || position == stretch.lowerBound)
                    && !RecognitionContext.isFunctionWord(bytes, tokens[position].range)
                    && !isText(position, RecognitionContext.connectorSet) && !has(position, .givenName) && !isAcronym(position)
            }) else { continue }
            pieces[index].tokens = stretch.lowerBound..<pieces[index].tokens.upperBound
            pieces[index].rule = .portfolioTitle
        }
    }

    /// True when a one-word country candidate starts at `index` that the document also names
    /// inside a sentence ("In Turkey, ..." then "Turkey grows ...", where "turkey" the bird also
    /// occurs): its capital at a sentence start is then the country's.
    func isConfirmedCountry(at index: Int) -> Bool {
        for slot in entityRange(at: index) {
            let candidate = candidates[Int(entityIndices[slot])]
            guard candidate.tokens.count == 1, candidate.code == .location,
                template(candidate.entry).subtype == "country"
            else { continue }
            for other in entityIndices {
                let elsewhere = candidates[Int(other)]
                if elsewhere.entry == candidate.entry, elsewhere.tokens.lowerBound != index,
                    !tokens[elsewhere.tokens.lowerBound].isSentenceInitial, isCapitalised(elsewhere.tokens.lowerBound)
                {
                    return true
                }
            }
        }
        return false
    }

    /// "Rock Video", "Delta Dagger": a given name that is more often an English word, followed
    /// by no known surname, given name or notable person's surname, is no evidence of a person.
    func isUnconfirmedCommonGivenName(_ span: Range<Int>) -> Bool {
        guard has(span.lowerBound, .wordFirstGivenName) else { return false }
        // (a notable person's surname confirms it too: "Hunter Biden")
        return !((span.lowerBound + 1)..<span.upperBound).contains { index in
            has(index, .surname) || has(index, .givenName) || notableSurname(at: index) != nil
        }
    }

    /// The notable person whose surname token `index` spells, if there is exactly one.
    func notableSurname(at index: Int) -> LexiconEntryID? {
        guard recognizer.mayBeNotableSurname(bytes, tokens[index].range) else { return nil }
        return recognizer.notableSurnames[EntityRecognizer.surnameKey(word(index))]
    }

    /// A function word of two or more letters ("Through", "New"; not the initial "A"), which no
    /// name runs through.
    func isNameBreakingFunctionWord(_ index: Int) -> Bool {
        tokens[index].range.length > 1 && RecognitionContext.isFunctionWord(bytes, tokens[index].range) && !isNameSyllable(index)
    }

    /// "LeBron", "DeAndre", "JaVale": an ASCII word of five to ten letters, a capital, one or
    /// two lower-case letters, a capital, then lower-case letters only.
    func isCamelCaseName(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        guard range.length >= 5, range.length <= 10 else { return false }
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        guard isUpper(bytes[range.start]) else { return false }
        var offset = range.start + 1
        var lowers = 0
        while offset < range.end, isLower(bytes[offset]) { offset += 1; lowers += 1 }
        guard lowers >= 1, lowers <= 2, offset < range.end, isUpper(bytes[offset]) else { return false }
        offset += 1
        guard offset + 1 < range.end else { return false }
        while offset < range.end { guard isLower(bytes[offset]) else { return false }; offset += 1 }
        return true
    }

    /// Lower-case words after a hyphen that are no name syllable ("Saudi-led", "Gaza-run").
    static let hyphenSuffixSet = ExactWordSet(["led", "run", "era", "old", "born", "made", "held", "free", "wide", "like", "type"])

    /// "Moon Jae-in", "Ban Ki-moon", "Kim Yo-jong": token `index` is the lower-case second
    /// syllable of a hyphenated given name (two to four ASCII letters glued by a hyphen to a
    /// capitalised word of two to five letters, which follows a capitalised word after a space).
    func isNameSyllable(_ index: Int) -> Bool {
        guard index >= 3, index < tokens.count, !tokens[index].spaceBefore, !tokens[index - 1].spaceBefore,
            isByte(index - 1, UInt8(ascii: "-")), tokens[index - 2].spaceBefore, isCapitalised(index - 2), isCapitalised(index - 3),
            tokens[index - 3].sentence == tokens[index].sentence
        else { return false }
        let syllable = tokens[index].range
        let before = tokens[index - 2].range
        guard syllable.length >= 2, syllable.length <= 4, before.length >= 2, before.length <= 5 else { return false }
        for offset in syllable.start..<syllable.end where bytes[offset] < 0x61 || bytes[offset] > 0x7A { return false }
        for offset in (before.start + 1)..<before.end where bytes[offset] < 0x61 || bytes[offset] > 0x7A { return false }
        if index + 1 < tokens.count, !tokens[index + 1].spaceBefore, tokens[index + 1].kind == .word { return false }
        return !isText(index, RecognitionContext.hyphenSuffixSet)
    }

    /// True when an entity candidate starting at token `start` reaches beyond token `index`.
    func entityCandidateCovers(from start: Int, past index: Int) -> Bool {
        entityRange(at: start).contains { candidates[Int(entityIndices[$0])].tokens.upperBound > index + 1 }
    }

    /// A capitalised word before a given name that cannot be part of the person's name: no
    /// given name, surname or particle, not in capitals ("USS", "FS" name ships), and no lexicon
    /// entry starts there ("Hall of Famer Bill McKechnie", "Queenslander Mitchell Rawlins").
    func isDescriptor(_ index: Int) -> Bool {
        !has(index, .givenName) && !has(index, .surname) && !has(index, .particle) && !has(index, .functionWordGivenName)
            && !has(index, .allCaps) && entityRange(at: index).isEmpty
    }

    /// An organisation or place name covering the whole chunk body, if its words say so.
    func namePattern(_ body: Range<Int>, pieces: [Proposal]) -> Proposal? {
        // A single lexicon entry naming the whole body wins: it has the canonical ID.
        if pieces.contains(where: { $0.tokens == body }) { return nil }
        // "Bank of England Governor Andrew Bailey": a title before a name inside the body ends
        // the organisation's name there
        if let title = pieces.first(where: {
            $0.label == .title && $0.tokens.lowerBound > body.lowerBound + 1 && $0.tokens.upperBound < body.upperBound
                && isCapitalised($0.tokens.upperBound) && !isText($0.tokens.lowerBound, RecognitionContext.connectorSet)
                && !isText($0.tokens.lowerBound - 1, RecognitionContext.connectorSet)
                // ("Saudi Energy Minister": portfolio words before an office, not a body)
                && !RecognitionContext.portfolioHeadSet.contains(bytes, tokens[$0.tokens.lowerBound].range)
        }) {
            return namePattern(body.lowerBound..<title.tokens.lowerBound, pieces: pieces.filter { $0.tokens.upperBound <= title.tokens.lowerBound })
        }
        let last = body.upperBound - 1
        let first = body.lowerBound
        // Acme Corp., Gazprom Neft PJSC
        if last + 1 < tokens.count, has(last + 1, .orgSuffix), isCapitalised(first) {
            return Proposal(tokens: first..<(last + 2), label: .organization, subtype: .company, rule: .orgKeyword, strength: 3)
        }
        // "Zorvex Holdings Inc.": the suffix closes the chunk (after any "X of")
        if body.count >= 2, has(last, .orgSuffix) {
            var start = first
            if let connector = body.last(where: { isWord($0, "of", "for") }) { start = connector + 1 }
            if start < last {
                return Proposal(tokens: start..<body.upperBound, label: .organization, subtype: .company, rule: .orgKeyword, strength: 3)
            }
        }
        // Syrian Democratic Forces, Montreal Hockey Club, Ministry of Defence, University of X
        if body.count >= 2 {
            if case let hint = orgKeywordEnd[last], hint != .none,
                !pieces.contains(where: { $0.tokens.upperBound == body.upperBound && $0.tokens.count > 1 && $0.label == .person })
            {
                // "Amos Frumkin of the Hebrew University": after "of"/"for", unless the name
                // starts with an organisation word ("Bank of ... Group")
                var start = first
                if !has(first, .orgKeywordStart), !RecognitionContext.placeHeadSet.contains(bytes, tokens[first].range),
                    let connector = body.last(where: { isWord($0, "of", "for") })
                {
                    start = connector + 1
                    if isWord(start, "the") { start += 1 }
                }
                if start < last {
                    return Proposal(
                        tokens: start..<body.upperBound, label: .organization, subtype: hint, rule: .orgKeyword,
                        strength: 3)
                }
            }
            if body.count >= 3, isWord(first + 1, "of", "for", "on") {
                if RecognitionContext.placeHeadSet.contains(bytes, tokens[first].range) {
                    return Proposal(tokens: body, label: .location, subtype: .region, rule: .locKeyword, strength: 3)
                }
                if has(first, .orgKeywordStart) {
                    let hint = orgKeywordEnd[first] == .none ? .other : orgKeywordEnd[first]
                    return Proposal(tokens: body, label: .organization, subtype: hint, rule: .orgKeyword, strength: 3)
                }
            }
            // "Syrian Observatory for Human Rights", "London School of Hygiene & Tropical Medicine",
            // "House Select Subcommittee on the Coronavirus Pandemic"
            for position in (first + 1)..<last where endsOrgKeyword(position) && isWord(position + 1, "of", "for", "on") {
                // "Sue Black of the University of Westminster": as with a keyword at the end, a
                // name before "of"/"for" is not part of the organisation after it, unless the
                // body starts with an organisation or place word ("Bank of America of ...")
                var start = first
                if !has(first, .orgKeywordStart), !RecognitionContext.placeHeadSet.contains(bytes, tokens[first].range),
                    let connector = (first..<position).last(where: { (index: Int) -> Bool in isWord(index, "of", "for") })
                {
                    start = connector + 1
                    if isWord(start, "the") { start += 1 }
                }
                return Proposal(
                    tokens: start..<body.upperBound, label: .organization, subtype: orgKeywordEnd[position], rule: .orgKeyword,
                    strength: 3)
            }
            // (a listed place ending there is the name: "Residents of Gaza City")
            if has(last, .locKeyword), !pieces.contains(where: { $0.tokens == body }),
                !pieces.contains(where: { $0.label == .location && $0.tokens.upperBound == body.upperBound && $0.tokens.count > 1 })
            {
                return Proposal(tokens: body, label: .location, subtype: .other, rule: .locKeyword, strength: 3)
            }
            // "Fort Campbell", "Camp Lejeune", "Mount Sinjar": a place word before one or two
            // capitalised words names a place (not the town or person those words name alone)
            if body.count <= 3, RecognitionContext.placePrefixSet.contains(bytes, tokens[first].range),
                ((first + 1)..<body.upperBound).allSatisfy({ isCapitalised($0) && !has($0, .orgKeywordStart) }),
                !pieces.contains(where: { $0.label == .person || $0.label == .organization || $0.label == .title })
            {
                return Proposal(tokens: body, label: .location, subtype: .other, rule: .locKeyword, strength: 3)
            }
        }
        return nil
    }

    /// A person's initial or initials in one token: capital letters, each followed by a full
    /// stop ("H.", "J.D.", "J.R.R."), standing apart (after a space, an opening quote or
    /// bracket: not the "C." of "34°C.") with a word after it on the same line. Not a listed
    /// name ("U.S.", "D.C." are places: the lexicon takes them before any rule sees them).
    func isInitial(_ index: Int) -> Bool {
        guard index >= 0, index + 1 < tokens.count, tokens[index].kind == .word else { return false }
        let range = tokens[index].range
        guard range.length >= 2, range.length <= 6, range.length % 2 == 0 else { return false }
        for offset in stride(from: range.start, to: range.end, by: 2) {
            guard bytes[offset] >= 0x41, bytes[offset] <= 0x5A, bytes[offset + 1] == UInt8(ascii: ".") else { return false }
        }
        guard index == 0 || tokens[index].spaceBefore || isOpeningQuote(index - 1) || isByte(index - 1, UInt8(ascii: "("))
        else { return false }
        for offset in range.end..<max(range.end, tokens[index + 1].range.start) where bytes[offset] == 0x0A || bytes[offset] == 0x0D {
            return false
        }
        return true
    }

    /// The first of the initials that run, without gaps, up to token `end` (exclusive) from
    /// `limit` on ("C. H." before "Douglas"), or nil when the token before `end` is no initial.
    /// Each initial follows a space or opens the run; a listed entity is no initial.
    func initialsStart(before end: Int, from limit: Int) -> Int? {
        var start = end
        while start > limit, isInitial(start - 1), entityRange(at: start - 1).isEmpty {
            start -= 1
        }
        return start < end ? start : nil
    }

    /// The end of a person's name starting at `start`: capitalised words, initials, particles,
    /// hyphenated parts and a final suffix ("Martin Luther King Jr.", "Charles de Gaulle").
    func personEnd(from start: Int, limit: Int, titles: [Int] = []) -> Int {
        var end = start + 1
        while end < limit {
            if has(end, .orgKeywordStart) || has(end, .orgSuffix) || has(end, .locKeyword) { break }
            // "Georgia Gov. Brian Kemp": a title that introduces another name ends this one;
            // "Martin Luther King Jr.": a title word followed by a suffix is part of the name
            if titles.contains(end) || has(end, .honorific), end + 1 < limit, isCapitalised(end + 1), !has(end + 1, .nameSuffix) { break }
            // "Santa Through the Ages", "Brand New Name": a capitalised function word (not an
            // initial) is no part of a name, unless it is a known surname ending it ("George Will")
            if isCapitalised(end), isNameBreakingFunctionWord(end), !has(end, .surname) || end + 1 < limit && isCapitalised(end + 1)
            {
                break
            }
            if isCapitalised(end) || has(end, .nameSuffix) {
                end += 1
                continue
            }
            if let surname = nicknameSurname(at: end), surname < limit {
                end = surname + 1
                continue
            }
            if has(end, .particle) || isByte(end, UInt8(ascii: "-")), end + 1 < limit, isCapitalised(end + 1) || isNameSyllable(end + 1) {
                end += 2
                continue
            }
            // "Abu Bakr al-Baghdadi", "Ahmed bin-Salem": a particle glued by a hyphen to a name
            if has(end, .particle), end + 2 < limit, isByte(end + 1, UInt8(ascii: "-")), !tokens[end + 1].spaceBefore, !tokens[end + 2].spaceBefore,
                isCapitalised(end + 2)
            {
                end += 3
                continue
            }
            break
        }
        return end
    }

    /// The surname after a quoted nickname opening at token `index` ("John “Jed” Dorrian",
    /// "Richard "Tex" Coe", "Robert ‘Bob’ Smith"), or nil: the quote follows a given name after
    /// a space; one to three capitalised words inside it, the first glued to the opening quote;
    /// the closing quote glued to the last of them; then a capitalised word after a space, in
    /// the same sentence.
    func nicknameSurname(at index: Int) -> Int? {
        guard index > 0, index + 3 < tokens.count, tokens[index].spaceBefore, has(index - 1, .givenName),
            isOpeningQuote(index), isCapitalised(index + 1), !tokens[index + 1].spaceBefore
        else { return nil }
        let sentence = tokens[index].sentence
        var close = index + 2
        while close < tokens.count, close - index <= 3, tokens[close].sentence == sentence, isCapitalised(close),
            tokens[close].spaceBefore
        {
            close += 1
        }
        let surname = close + 1
        guard surname < tokens.count, !tokens[close].spaceBefore, isClosingQuote(close, matching: index),
            tokens[surname].spaceBefore, tokens[surname].sentence == sentence, isCapitalised(surname)
        else { return nil }
        return surname
    }

    /// “, ‘ or a straight double quote.
    func isOpeningQuote(_ index: Int) -> Bool {
        let range = tokens[index].range
        return spells(range, "“") || spells(range, "‘") || spells(range, "\"")
    }

    /// The quote that closes the one at `opening`: ” after “, ’ after ‘, a straight double
    /// quote after another.
    func isClosingQuote(_ index: Int, matching opening: Int) -> Bool {
        let range = tokens[index].range
        let open = tokens[opening].range
        if spells(open, "“") { return spells(range, "”") }
        if spells(open, "‘") { return spells(range, "’") }
        return spells(range, "\"")
    }

    /// Words naming the size of a military unit, which a bare number can open ("3 Commando
    /// Brigade"), unlike a service ("3 Air Force jets").
    static let unitSizeSet = ExactWordSet([
        "Division", "Brigade", "Regiment", "Battalion", "Squadron", "Wing", "Corps", "Flotilla", "Fleet", "Group",
    ])

    /// True when token `index` is a bare number of one to three digits, not 0, before a name
    /// (after a space, in the same sentence).
    func isUnitNumber(_ index: Int) -> Bool {
        guard index >= 0, index + 1 < tokens.count, tokens[index].sentence == tokens[index + 1].sentence,
            tokens[index + 1].spaceBefore
        else { return false }
        let range = tokens[index].range
        return range.length <= 3 && isAllDigits(index) && bytes[range.start] != 0x30
    }

    /// An ordinal in digits ("3rd", "321st", "1st") right before a name in its sentence.
    func isUnitOrdinal(_ index: Int) -> Bool {
        guard index >= 0, index + 1 < tokens.count, tokens[index].sentence == tokens[index + 1].sentence,
            tokens[index + 1].spaceBefore
        else { return false }
        let range = tokens[index].range
        guard range.length >= 3, range.length <= 7 else { return false }
        var digits = 0
        while digits < range.length - 2, bytes[range.start + digits] >= 0x30, bytes[range.start + digits] <= 0x39 { digits += 1 }
        guard digits == range.length - 2 else { return false }
        let suffix = (bytes[range.end - 2], bytes[range.end - 1])
        return suffix == (0x73, 0x74) || suffix == (0x6E, 0x64) || suffix == (0x72, 0x64) || suffix == (0x74, 0x68)  // st nd rd th
    }

    /// True when token `index` is the one byte `byte` (`isWord(index, ",")` without the list of
    /// words to walk).
    @inline(__always)
    func isByte(_ index: Int, _ byte: UInt8) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        return range.length == 1 && bytes[range.start] == byte
    }

    /// True when token `index` is spelled exactly as one of `words` (byte comparison, no allocation).
    func isWord(_ index: Int, _ words: StaticString...) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        for word in words where spells(range, word) { return true }
        return false
    }

    // `isWord` for one to four words, which most calls pass: no array of the words is made.

    /// True when token `index` is spelled exactly as `word`.
    @inline(__always)
    func isWord(_ index: Int, _ word: StaticString) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        return spells(tokens[index].range, word)
    }

    /// True when token `index` is spelled exactly as one of the two words.
    func isWord(_ index: Int, _ first: StaticString, _ second: StaticString) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        return spells(range, first) || spells(range, second)
    }

    /// True when token `index` is spelled exactly as one of the three words.
    func isWord(_ index: Int, _ first: StaticString, _ second: StaticString, _ third: StaticString) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        return spells(range, first) || spells(range, second) || spells(range, third)
    }

    /// True when token `index` is spelled exactly as one of the four words.
    func isWord(_ index: Int, _ first: StaticString, _ second: StaticString, _ third: StaticString, _ fourth: StaticString) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        return spells(range, first) || spells(range, second) || spells(range, third) || spells(range, fourth)
    }

    /// True when the text `bytes[range]` is exactly `word` (bytes compared, lengths first).
    @inline(__always)
    func spells(_ range: TextRange, _ word: StaticString) -> Bool {
        guard word.utf8CodeUnitCount == range.length else { return false }
        let expected = word.utf8Start
        for offset in 0..<range.length where bytes[range.start + offset] != expected[offset] { return false }
        return true
    }

    /// Capital letters joined by "&" with no spaces ("AT&T", "B&SR"), two to seven letters.
    func isGluedAcronym(_ run: Range<Int>) -> Bool {
        var letters = 0
        for (offset, position) in run.enumerated() {
            if offset > 0, tokens[position].spaceBefore { return false }
            if offset % 2 == 1 {
                guard isByte(position, UInt8(ascii: "&")) else { return false }
                continue
            }
            guard isCapitalLetters(position) else { return false }
            letters += tokens[position].range.length
        }
        return run.count % 2 == 1 && letters <= 7
    }

    /// A token of one to six ASCII capital letters.
    func isCapitalLetters(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        guard range.length >= 1, range.length <= 6 else { return false }
        for offset in range.start..<range.end where !(bytes[offset] >= 0x41 && bytes[offset] <= 0x5A) { return false }
        return true
    }

    /// A token made of ASCII digits only.
    func isAllDigits(_ index: Int) -> Bool {
        let range = tokens[index].range
        guard range.length > 0 else { return false }
        for offset in range.start..<range.end where !(bytes[offset] >= 0x30 && bytes[offset] <= 0x39) { return false }
        return true
    }

    /// "’s" or "'s" (compared byte by byte: no list of words to walk).
    func isPossessive(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        switch range.length {
        case 2: return bytes[range.start] == UInt8(ascii: "'") && bytes[range.start + 1] == UInt8(ascii: "s")
        // (U+2019 RIGHT SINGLE QUOTATION MARK is E2 80 99 in UTF-8)
        case 4:
            return bytes[range.start] == 0xE2 && bytes[range.start + 1] == 0x80 && bytes[range.start + 2] == 0x99
                && bytes[range.start + 3] == UInt8(ascii: "s")
        default: return false
        }
    }

    /// One to three capitalised words (not an acronym) right after a word that puts a place
    /// there ("near Rawah", "outside Tadmur", "north of Al Huwayjah", "the outskirts of Ayn
    /// Issa"), ending the phrase: punctuation, a function word or the sentence's end follows,
    /// not a possessive or a noun ("near Zorvex headquarters" names no place).
    func isAfterPlaceWord(_ run: Range<Int>) -> Bool {
        let first = run.lowerBound
        guard run.count <= 3, first > 0, !isAcronym(first), tokens[first - 1].sentence == tokens[first].sentence else { return false }
        let before = first - 1
        guard isText(before, RecognitionContext.placeLeadSet)
            || (before > 0 && isWord(before, "of") && isText(before - 1, RecognitionContext.placeOfLeadSet))
        else { return false }
        let next = run.upperBound
        guard next < tokens.count, tokens[next].sentence == tokens[first].sentence else { return true }
        if isPossessive(next) { return false }
        return tokens[next].kind != .word || RecognitionContext.isFunctionWord(bytes, tokens[next].range)
    }

    /// Classifies a capitalised run that no lexicon entry covers.
    func classifyRun(_ run: Range<Int>, after previous: Proposal?, before next: Proposal?, headline: Bool) -> Proposal? {
        let first = run.lowerBound
        // A notable person's surname alone links to that person ("President Zelenskiy", "Putin").
        let notable = run.count == 1 ? notableSurname(at: first).map { template($0) } : nil
        // After a title or an honorific: a person (not a body or a place: "Major League
        // Baseball", "King County").
        if let previous, previous.label == .title, previous.tokens.upperBound == first,
            // ("the Doctor Who serial": a function word is no name)
            run.count > 1 || !RecognitionContext.isFunctionWord(bytes, tokens[first].range),
            notable != nil
                || (has(first, .surname) || has(first, .givenName))
                    && (run.count == 1 || run.dropFirst().contains { has($0, .surname) || has($0, .givenName) || isByte($0, UInt8(ascii: "-")) })
                || !has(first, .orgKeywordStart) && !has(first, .locKeyword)
                    && (!endsNameKeyword(run.upperBound - 1) || has(run.upperBound - 1, .surname))
        {
            return Proposal(tokens: run, label: .person, subtype: notable?.subtypeCode ?? .none, rule: .titleName, strength: 3, details: notable)
        }
        if first > 0, has(first - 1, .honorific) {
            return Proposal(tokens: run, label: .person, subtype: notable?.subtypeCode ?? .none, rule: .titleName, strength: 3, details: notable)
        }
        if headline { return nil }
        if let notable {
            return Proposal(tokens: run, label: .person, subtype: notable.subtypeCode, rule: .knownSurname, strength: 2, details: notable)
        }
        // "H. G. Wells", "J. R. R. Tolkien", "F. Scott Fitzgerald": initials, then a name
        if isInitial(first) {
            var nameStart = first
            while nameStart < run.upperBound, isInitial(nameStart) { nameStart += 1 }
            if nameStart < run.upperBound, !isAcronym(nameStart), !isNameBreakingFunctionWord(nameStart) {
                let end = personEnd(from: nameStart, limit: run.upperBound)
                // "George F. Hauser": a given name the lists also know as a place, right before
                var start = first
                if let previous, previous.tokens.upperBound == first, previous.tokens.count == 1,
                    previous.label == .location || previous.label == .organization, has(previous.tokens.lowerBound, .givenName)
                {
                    start = previous.tokens.lowerBound
                }
                return Proposal(tokens: start..<end, label: .person, subtype: .none, rule: .initialsName, strength: 2)
            }
        }
        // "near Rawah", "north of Al Huwayjah", "Near Tadmur, ...": a place no list holds (a
        // sentence-initial "Near" is a function word, left out of the run)
        if isAfterPlaceWord(run),
            !has(first, .givenName) || has(first, .particle) || run.count >= 2 && !has(run.upperBound - 1, .surname)
        {
            return Proposal(tokens: run, label: .location, rule: .placePreposition, strength: 2)
        }
        // "LeBron James", "DeAndre Jordan": a given name in two capitalised parts (no list holds
        // it) and a known surname
        if run.count == 2, !headline, isCamelCaseName(first), has(first + 1, .surname), tokens[first + 1].spaceBefore {
            return Proposal(tokens: run, label: .person, rule: .givenName, strength: 2)
        }
        // A known given name and more capitalised words (not "Stanley Cup", "Geneva Communique").
        if has(first, .givenName), run.count >= 2, run.count <= 5, !isAcronym(first),
            !isText(run.upperBound - 1, RecognitionContext.eventHeadSet),
            // ("the San Francisco Bay Area": a place word right after a listed place)
            !has(first, .locKeyword) || previous?.label != .location || previous?.tokens.upperBound != first
        {
            // "Santa Through the Ages", "Brand New Name": the name ends before a capitalised
            // function word (not an initial, "Herbert A E Scheele"; unless a known surname ends
            // the run there: "George Will")
            var end = first + 1
            while end < run.upperBound, !isNameBreakingFunctionWord(end) || has(end, .surname) && end + 1 == run.upperBound {
                end += 1
            }
            if end - first >= 2, !isUnconfirmedCommonGivenName(first..<end) {
                return Proposal(tokens: first..<end, label: .person, rule: .givenName, strength: 2)
            }
            return nil
        }
        // "warned the West", "voters in the South": a capitalised compass point alone after
        // "the", mid-sentence, is the region (not Cameroon's West Region)
        if run.count == 1, first > 0, isWord(first - 1, "the"), isText(first, RecognitionContext.compassPointSet),
            !tokens[first].isSentenceInitial, first + 1 >= tokens.count || !isCapitalised(first + 1)
                || tokens[first + 1].sentence != tokens[first].sentence
        {
            // (the West and the East are world regions; the North and the South of one country)
            return Proposal(
                tokens: run, label: .location, subtype: isWord(first, "East", "West") ? .worldRegion : .region, rule: .directionPlace,
                strength: 2)
        }
        // "South Jutland", "West Bengal": a capitalised direction (a place alone, "the South")
        // before a name no list holds is a region's name
        if let previous, previous.label == .location, previous.tokens.upperBound == first, previous.tokens.count == 1,
            isText(previous.tokens.lowerBound, RecognitionContext.directionSet), run.count == 1, !has(first, .givenName),
            !has(first, .orgKeywordStart), !isAcronym(first), tokens[first].spaceBefore
        {
            return Proposal(tokens: previous.tokens.lowerBound..<run.upperBound, label: .location, subtype: .region, rule: .directionPlace, strength: 3)
        }
        // A place followed by a name: a team or a company.
        if let previous, previous.label == .location, previous.tokens.upperBound == first, next == nil, run.count <= 2,
            !has(run.upperBound - 1, .locKeyword), !has(run.upperBound - 1, .surname), !has(first, .givenName),
            !isText(run.upperBound - 1, RecognitionContext.eventHeadSet),
            previous.subtypeCode != .city || (previous.details?.population ?? 0) >= 200_000
        {
            return Proposal(
                tokens: previous.tokens.lowerBound..<run.upperBound, label: .organization, subtype: .other, rule: .placeTeam,
                strength: 3)
        }
        // "AT&T", "B&SR": capitals joined by "&" without spaces
        if run.count >= 3, !has(first, .commonAcronym), isGluedAcronym(run) {
            return Proposal(tokens: run, label: .organization, rule: .acronym, strength: 1)
        }
        // (not a company suffix alone, "Zorvex, LLC", nor a Roman numeral, "Volume III")
        if run.count == 1, isAcronym(first), !has(first, .commonAcronym), !has(first, .orgSuffix), !isRomanNumeral(first) {
            // "6PR", "2UE": call signs whose digits the tokenizer split off (not "5BN", "10KM")
            if first > 0, !tokens[first].spaceBefore, tokens[first - 1].kind == .number, tokens[first - 1].range.length <= 3,
                isAllDigits(first - 1), !isText(first, RecognitionContext.glueableUnitSet)
            {
                return Proposal(tokens: (first - 1)..<run.upperBound, label: .organization, rule: .acronym, strength: 1)
            }
            return Proposal(tokens: run, label: .organization, rule: .acronym, strength: 1)
        }
        // "Da’esh", "Qa’ida": a transliteration whose apostrophe the lists leave out ("Daesh")
        if run.count <= 3, let variant = apostropheVariant(run) { return variant }
        return nil
    }

    /// True when token `index` is a Roman numeral from II to XXXIX in capitals ("Volume III",
    /// "Leo XIV"; not "MD", "CD" or "DC", which are abbreviations).
    func isRomanNumeral(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        guard range.length >= 2, range.length <= 8 else { return false }
        // (read from the right: a digit smaller than one after it is subtracted, "IV", "XIX")
        var value = 0
        var largest = 0
        for offset in stride(from: range.end - 1, through: range.start, by: -1) {
            let digit: Int
            switch bytes[offset] {
            case UInt8(ascii: "I"): digit = 1
            case UInt8(ascii: "V"): digit = 5
            case UInt8(ascii: "X"): digit = 10
            default: return false
            }
            value += digit < largest ? -digit : digit
            largest = max(largest, digit)
        }
        return value > 1 && value < 40
    }

    /// The listed name that `run` spells without the apostrophes between its letters
    /// ("Da’esh" → "Daesh"); nil when it has none or the lists hold no entity so spelled.
    /// (Only runs no rule took get here, and few have such an apostrophe: the look-up is the
    /// slow, string-based one.)
    func apostropheVariant(_ run: Range<Int>) -> Proposal? {
        let start = tokens[run.lowerBound].range.start
        let end = tokens[run.upperBound - 1].range.end
        func isLetter(_ offset: Int) -> Bool {
            guard offset >= start, offset < end else { return false }
            let byte = bytes[offset] | 0x20
            return byte >= 0x61 && byte <= 0x7A
        }
        // "'" or U+2019 (E2 80 99) between two ASCII letters: its length in bytes, else 0
        func apostrophe(at offset: Int) -> Int {
            let length = bytes[offset] == UInt8(ascii: "'") ? 1
                : offset + 2 < end && bytes[offset] == 0xE2 && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x99 ? 3 : 0
            return length > 0 && isLetter(offset - 1) && isLetter(offset + length) ? length : 0
        }
        // (most runs have none: nothing is built for them)
        guard (start..<end).contains(where: { apostrophe(at: $0) > 0 }) else { return nil }
        var stripped: [UInt8] = []
        var offset = start
        while offset < end {
            let length = apostrophe(at: offset)
            if length > 0 {
                offset += length
                continue
            }
            stripped.append(bytes[offset])
            offset += 1
        }
        let text = String(decoding: stripped, as: UTF8.self)
        guard let entry = lexicon.lookup(text).first(where: { $0.label.entityLabel != nil }) else { return nil }
        let template = templateRef(entry.id)
        let (label, subtype) = template._withUnsafeGuaranteedRef { ($0.label, $0.subtypeCode) }
        return Proposal(tokens: run, label: label, subtype: subtype, rule: .lexicon, strength: 2, detailsRef: template)
    }

    /// Entities never overlap: where a later step (a short form, a qualifier) put one on or
    /// into another, the longer stays (the first of two as long). `chosen` is in token order.
    func removeOverlaps(_ chosen: inout [Proposal]) {
        var overlapping = false
        for index in chosen.indices.dropFirst() where chosen[index].tokens.lowerBound < chosen[index - 1].tokens.upperBound {
            overlapping = true
            break
        }
        guard overlapping else { return }
        // (in token order already, as every step leaves it; sorted here should one not)
        if !chosen.indices.dropFirst().allSatisfy({ chosen[$0 - 1].tokens.lowerBound <= chosen[$0].tokens.lowerBound }) {
            chosen.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        }
        var kept: [Proposal] = []
        kept.reserveCapacity(chosen.count)
        for proposal in chosen {
            if let last = kept.last, proposal.tokens.lowerBound < last.tokens.upperBound {
                if proposal.tokens.count > last.tokens.count { kept[kept.count - 1] = proposal }
                continue
            }
            kept.append(proposal)
        }
        chosen = kept
    }

    /// Titles are entities only when attached to a named person (Corpus/README.md, TITLE): a
    /// title stays when a person follows it directly, possibly through further titles right
    /// after it ("Lt. Gen. Stephen Townsend", "Navy Capt. Jeff Davis"), also after a comma
    /// ("Secretary of State, Antony Blinken"), or when a person of its sentence ends at most
    /// eight words before it: apposition and predicate nominals ("James Hoyt, Secretary of ...",
    /// "Garrigan, the 2nd Bishop of ...", "Verna Magee is Acting President"). "The President
    /// said" and "Officials said" give no entity.
    func dropUnattachedTitles(_ chosen: inout [Proposal]) {
        guard chosen.contains(where: { $0.label == .title && $0.rule != .titleApposition }) else { return }
        // A document has tens of proposals: linear searches, nothing built. Past that, indexed
        // by token, so that a document of any length takes linear time: the first person and
        // the first title starting at each token (-1: none), and the end of the closest person
        // ending at or before each token (0: none).
        let indexed = chosen.count > 64
        var personStart: [Int32] = []
        var titleStart: [Int32] = []
        var closestPersonEnd: [Int32] = []
        if indexed {
            personStart = [Int32](repeating: -1, count: tokens.count + 2)
            titleStart = [Int32](repeating: -1, count: tokens.count + 2)
            closestPersonEnd = [Int32](repeating: 0, count: tokens.count + 2)
            for index in chosen.indices.reversed() where chosen[index].label == .person || chosen[index].label == .title {
                let position = chosen[index].tokens.lowerBound
                guard position >= 0, position < tokens.count else { continue }
                if chosen[index].label == .person {
                    personStart[position] = Int32(index)
                    let end = chosen[index].tokens.upperBound
                    if end < closestPersonEnd.count { closestPersonEnd[end] = Int32(end) }
                } else {
                    titleStart[position] = Int32(index)
                }
            }
            for position in closestPersonEnd.indices.dropFirst() where closestPersonEnd[position] == 0 {
                closestPersonEnd[position] = closestPersonEnd[position - 1]
            }
        }
        func starts(_ label: EntityLabel, at position: Int) -> Int? {
            guard indexed else { return chosen.firstIndex { $0.label == label && $0.tokens.lowerBound == position } }
            guard position >= 0, position < tokens.count else { return nil }
            let index = label == .person ? personStart[position] : titleStart[position]
            return index >= 0 ? Int(index) : nil
        }
        func isComma(_ position: Int) -> Bool {
            position >= 0 && position < tokens.count && tokens[position].range.length == 1
                && bytes[tokens[position].range.start] == UInt8(ascii: ",")
        }
        // A person at `position`, or right after a comma there.
        func personAt(_ position: Int) -> Bool {
            starts(.person, at: position) != nil || (isComma(position) && starts(.person, at: position + 1) != nil)
        }
        // Whether the title at `index` leads to a person, through at most eight adjacent titles.
        func leadsToPerson(_ index: Int) -> Bool {
            var current = index
            for _ in 0..<8 {
                let end = chosen[current].tokens.upperBound
                if personAt(end) { return true }
                guard let next = starts(.title, at: end) ?? (isComma(end) ? starts(.title, at: end + 1) : nil),
                    next != current
                else { return false }
                current = next
            }
            return false
        }
        // A person of the title's sentence ending at most eight words before it (the closest
        // person decides: any farther one is farther away and in the same or an earlier sentence).
        func followsPerson(_ start: Int) -> Bool {
            guard indexed else {
                return chosen.contains { person in
                    guard person.label == .person else { return false }
                    let end = person.tokens.upperBound
                    return end <= start && start - end < 8 && end > 0 && tokens[end - 1].sentence == tokens[start].sentence
                }
            }
            guard start >= 0, start < closestPersonEnd.count else { return false }
            let end = Int(closestPersonEnd[start])
            return end > 0 && start - end < 8 && tokens[end - 1].sentence == tokens[start].sentence
        }
        let unattached = chosen.indices.filter { index in
            chosen[index].label == .title && chosen[index].rule != .titleApposition && !leadsToPerson(index)
                && !followsPerson(chosen[index].tokens.lowerBound)
        }
        guard !unattached.isEmpty else { return }
        // (a few removals in place, as most documents need; many at once in one pass)
        if unattached.count <= 8 {
            for index in unattached.reversed() { chosen.remove(at: index) }
            return
        }
        var keep = [Bool](repeating: true, count: chosen.count)
        for index in unattached { keep[index] = false }
        var kept: [Proposal] = []
        kept.reserveCapacity(chosen.count - unattached.count)
        for index in chosen.indices where keep[index] { kept.append(chosen[index]) }
        chosen = kept
    }

    /// Lower-case words that belong to the office they come before ("regional governor",
    /// "deputy director", "senior adviser").
    static let titleModifierSet = ExactWordSet([
        "regional", "provincial", "municipal", "deputy", "assistant", "associate", "senior", "special", "principal", "joint",
    ])

    /// The first token of a lower-case title starting at `start` with the office words before
    /// it ("regional governor").
    func titleModifierStart(_ start: Int) -> Int {
        var first = start
        while first - 1 >= 0, !isCapitalised(first), isText(first - 1, RecognitionContext.titleModifierSet),
            tokens[first - 1].sentence == tokens[start].sentence
        {
            first -= 1
        }
        return first
    }

    /// "Kaja Kallas, the EU’s foreign policy chief": a title in apposition to a person.
    func addAppositionTitles(_ chosen: inout [Proposal]) {
        // (nothing to do without a person and a title candidate: no arrays built then)
        guard chosen.contains(where: { $0.label == .person }), candidates.contains(where: { $0.code == .title }) else { return }
        var taken = [Bool](repeating: false, count: tokens.count)
        // personEnds[t]: a person's name ends right before token t
        var personEnds = [Bool](repeating: false, count: tokens.count + 1)
        var anyPerson = false
        for index in chosen.indices {
            let span = chosen[index].tokens
            for position in span { taken[position] = true }
            if chosen[index].label == .person {
                personEnds[span.upperBound] = true
                anyPerson = true
            }
        }
        guard anyPerson else { return }
        var added: [Proposal] = []
        for candidateIndex in candidates.indices where candidates[candidateIndex].code == .title {
            let span = candidates[candidateIndex].tokens
            guard !span.contains(where: { taken[$0] }) else { continue }
            // walk back over the office's own words ("regional director"), modifiers, an owner
            // ("the EU’s", "Estonian") and an article to a comma
            let start = titleModifierStart(span.lowerBound)
            guard !(start..<span.lowerBound).contains(where: { taken[$0] }) else { continue }
            var position = start - 1
            var steps = 0
            while position > 0, steps < 5 {
                if isWord(position, "former", "acting", "then", "interim", "new", "longtime", "veteran", "current", "a", "an", "the", "its", "his", "her", "their")
                    || isPossessive(position) || taken[position] && !personEnds[position + 1]
                {
                    position -= 1
                    steps += 1
                    continue
                }
                break
            }
            guard position > 0, isByte(position, UInt8(ascii: ",")), personEnds[position] else { continue }
            var title = lexiconProposal(candidateIndex)
            title.rule = .titleApposition
            title.tokens = start..<span.upperBound
            for index in title.tokens { taken[index] = true }
            added.append(title)
        }
        guard !added.isEmpty else { return }
        chosen.append(contentsOf: added)
        chosen.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    // MARK: - Lexicon candidates

    /// The proposal of `candidates[candidateIndex]` as its entry describes it.
    func lexiconProposal(_ candidateIndex: Int) -> Proposal {
        let span = candidates[candidateIndex].tokens
        // (the template read in place: kept by the shared cache, held unowned by the proposal)
        let template = templateRef(candidates[candidateIndex].entry)
        let (label, subtype) = template._withUnsafeGuaranteedRef { ($0.label, $0.subtypeCode) }
        return Proposal(
            tokens: span, label: label, subtype: subtype, rule: .lexicon, strength: span.count > 1 ? 3 : 2,
            detailsRef: template)
    }

    /// Splits each multi-word person piece that a title candidate opens (the longest, ending
    /// before the piece does) into that title and the rest of the name.
    func splitLeadingTitles(_ pieces: inout [Proposal]) {
        for index in pieces.indices where pieces[index].label == .person && pieces[index].tokens.count >= 2 {
            let span = pieces[index].tokens
            var best = -1
            var bestEnd = span.lowerBound
            for slot in entityRange(at: span.lowerBound) {
                let candidate = candidates[Int(entityIndices[slot])]
                if candidate.code == .title, candidate.tokens.upperBound < span.upperBound, candidate.tokens.upperBound > bestEnd,
                    isCapitalised(candidate.tokens.upperBound)
                {
                    best = Int(entityIndices[slot])
                    bestEnd = candidate.tokens.upperBound
                }
            }
            guard best >= 0 else { continue }
            pieces[index].tokens = bestEnd..<span.upperBound
            pieces.append(lexiconProposal(best))
        }
    }

    /// True when the candidate's text is exactly its entry's surface (case included).
    func spelledAsListed(_ candidateIndex: Int) -> Bool {
        let range = candidates[candidateIndex].range
        let entry = candidates[candidateIndex].entry
        // The surface is the line's first field, spaces trimmed (as `EntryLine` reads it); a
        // field that is not ASCII goes through the full parse (which may repair its UTF-8).
        let line = lexicon.rawLine(entry)
        var first = 0
        var last = 0
        while last < line.count, line[last] != UInt8(ascii: "\t") { last += 1 }
        while first < last, line[first] == UInt8(ascii: " ") { first += 1 }
        while last > first, line[last - 1] == UInt8(ascii: " ") { last -= 1 }
        if line[first..<last].contains(where: { $0 >= 0x80 }) {
            let surface = Array(lexicon.entry(entry).surface.utf8)
            guard surface.count == range.length else { return false }
            for offset in 0..<range.length where bytes[range.start + offset] != surface[offset] { return false }
            return true
        }
        guard last - first == range.length else { return false }
        for offset in 0..<range.length where bytes[range.start + offset] != line[first + offset] { return false }
        return true
    }

    /// The population feature of a candidate's entry (0 when it has none).
    func population(_ candidate: LexiconCandidate) -> Int {
        population(candidate.entry)
    }

    /// True when "and" or "&" follows token `index` and an entity candidate with label `code`
    /// and no common-word flag starts right after it ("Chevron and Exxon Mobil").
    func isCoordinated(_ index: Int, with code: LexiconLabelCode) -> Bool {
        let next = index + 2
        guard next < tokens.count, isWord(index + 1, "and", "&"), tokens[next].sentence == tokens[index].sentence else { return false }
        return entityRange(at: next).contains { slot in
            let candidate = candidates[Int(entityIndices[slot])]
            return candidate.code == code && (candidate.tokens.count > 1 || !lexicon.isCommonWord(candidate.entry))
        }
    }

    /// Whether a lexicon candidate may be used at its position.
    func isAcceptable(_ candidateIndex: Int) -> Bool {
        let span = candidates[candidateIndex].tokens
        let code = candidates[candidateIndex].code
        let entry = candidates[candidateIndex].entry
        let first = span.lowerBound
        if code != .title, !isCapitalised(first), lexicon.lists[candidates[candidateIndex].list].casePolicy == .insensitive {
            let lead = bytes[tokens[first].range.start]
            guard lead >= 0x30 && lead <= 0x39 else { return false }
        }
        // "his lifetime ERA": an abbreviation listed as no organisation's name is none alone
        // (where the document defines it, the acronym-definition rule names it)
        if span.count == 1, code == .organization, has(first, .commonAcronym) { return false }
        if span.count == 1, lexicon.isCommonWord(entry) {
            // (at a sentence start only when "and" joins it to another name of its kind:
            // "Chevron and Exxon Mobil reported ...")
            // ("Apple said ...", or where the document names the company inside a sentence too)
            if tokens[first].isSentenceInitial, !isCoordinated(first, with: code),
                code != .organization || !isConfirmedOrganisation(entry, at: first)
            {
                return false
            }
            // "in March", "by August": a month or a day, even after a locative preposition
            if code == .location, isText(first, RecognitionContext.calendarWordSet) { return false }
            // "Best", "Reading", "Nice": a place only after a locative preposition, or where the
            // document has introduced it so elsewhere
            if code == .location, !confirmedCommonEntries.contains(entry.rawValue) {
                guard isText(first - 1, RecognitionContext.locativePrepositionSet) else { return false }
                // ("between Reading and Nice", but not "Best Newcomer and Best Single": after
                // "and", only where a listed place comes before it)
                if isWord(first - 1, "and"), !endsLocationCandidate(at: first - 2) { return false }
            }
        }
        return true
    }

    /// True when a common-word organisation opening a sentence at token `first` is the
    /// organisation: a company word follows it ("Apple said", "Shell shares"), or the document
    /// names it capitalised inside a sentence.
    func isConfirmedOrganisation(_ entry: LexiconEntryID, at first: Int) -> Bool {
        if confirmedCommonEntries.contains(entry.rawValue) { return true }
        return first + 1 < tokens.count && tokens[first + 1].sentence == tokens[first].sentence
            && isText(first + 1, RecognitionContext.companyCueSet)
    }

    /// True when a location candidate of the lexicon ends at token `index` (starting at most
    /// four tokens before it).
    func endsLocationCandidate(at index: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        for start in max(0, index - 4)...index {
            for slot in entityRange(at: start) {
                let candidate = candidates[Int(entityIndices[slot])]
                if candidate.code == .location, candidate.tokens.upperBound == index + 1 { return true }
            }
        }
        return false
    }

    // MARK: - Resolution

    /// Chooses non-overlapping proposals: longer first, then stronger, then earlier.
    func resolve(_ proposals: [Proposal]) -> [Proposal] {
        // Already in token order without overlaps (many documents): every proposal is chosen.
        var disjoint = true
        var previousEnd = 0
        for index in proposals.indices {
            let span = proposals[index].tokens
            if span.isEmpty || span.lowerBound < previousEnd {
                disjoint = false
                break
            }
            previousEnd = span.upperBound
        }
        if disjoint { return proposals }
        // Proposals are ordered by index (no copies): longer, then stronger, then earlier.
        var order = [Int32](proposals.indices.lazy.map { Int32($0) })
        proposals.withUnsafeBufferPointer { proposals in
            // (the index breaks ties, so the order is total and any sort gives it)
            order.sort { lhs, rhs in
                let left = proposals[Int(lhs)].tokens.count
                let right = proposals[Int(rhs)].tokens.count
                if left != right { return left > right }
                let leftStrength = proposals[Int(lhs)].strength
                let rightStrength = proposals[Int(rhs)].strength
                if leftStrength != rightStrength { return leftStrength > rightStrength }
                return lhs < rhs
            }
        }
        // chosenAt[t]: 1 + the index of the chosen proposal starting at token t (0 for none)
        var chosenAt = [Int32](repeating: 0, count: tokens.count)
        var taken = [Bool](repeating: false, count: tokens.count)
        var count = 0
        for index in order {
            let span = proposals[Int(index)].tokens
            // (rules never propose empty spans; were one there, the general way keeps its order)
            guard !span.isEmpty else { return resolveInOrder(proposals, order) }
            guard !span.contains(where: { taken[$0] }) else { continue }
            for position in span { taken[position] = true }
            chosenAt[span.lowerBound] = index + 1
            count += 1
        }
        // chosen proposals do not overlap: one per start token, in token order
        var chosen: [Proposal] = []
        chosen.reserveCapacity(count)
        for index in chosenAt where index > 0 { chosen.append(proposals[Int(index) - 1]) }
        return chosen
    }

    /// `resolve` for proposals that may include empty spans: chosen in `order`, then sorted
    /// (stably) by first token.
    func resolveInOrder(_ proposals: [Proposal], _ order: [Int32]) -> [Proposal] {
        var taken = [Bool](repeating: false, count: tokens.count)
        var chosen: [Proposal] = []
        for index in order where !proposals[Int(index)].tokens.contains(where: { taken[$0] }) {
            for position in proposals[Int(index)].tokens { taken[position] = true }
            chosen.append(proposals[Int(index)])
        }
        return chosen.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Initializes `target` with the entity of `proposal`: its text span, label, subtype,
    /// canonical reference (the text itself when none is known, except for titles), provenance
    /// and features. The entity is built once, in place, with every field (no temporary entity
    /// to copy, no default value to overwrite).
    @inline(__always)
    func initializeEntity(_ target: UnsafeMutablePointer<Entity>, from proposal: Proposal) {
        let range = TextRange(tokens[proposal.tokens.lowerBound].range.start, tokens[proposal.tokens.upperBound - 1].range.end)
        /// The canonical reference where the details give none: the text (none for titles).
        func textCanonical() -> CanonicalReference? {
            proposal.label == .title
                ? nil : CanonicalReference(name: String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self))
        }
        guard let details = proposal.detailsRef else {
            target.initialize(to: Entity(
                range: range, label: proposal.label, subtype: proposal.subtypeCode.text, canonical: textCanonical(),
                source: Provenance(stage: recognizer.stageName, rule: proposal.rule.rawValue)))
            return
        }
        // (the template read in place: its fields are copied, the template itself not retained)
        details._withUnsafeGuaranteedRef { details in
            let source = Provenance(stage: recognizer.stageName, rule: proposal.rule.rawValue, lexicon: details.lexicon)
            target.initialize(to: Entity(
                range: range, label: proposal.label,
                subtype: proposal.subtypeCode == .fromDetails ? details.subtype : proposal.subtypeCode.text,
                canonical: details.canonical ?? textCanonical(), source: source, features: details.features))
        }
    }
}
