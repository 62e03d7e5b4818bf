import GazetteCore

extension RelationExtractor {
    /// `alias` (kind acronym, short_form or metonymy) from a mention to the first full-form mention
    /// of what it names:
    /// - `parenthesis-acronym`: "Syrian Democratic Forces (SDF)";
    /// - `same-canonical`: a differing surface with the same canonical name as an earlier mention
    ///   ("Austin" after "Lloyd Austin", "EU" after "European Union");
    /// - `surname`: a person's later surname or name tail ("Austin", "von der Leyen");
    /// - `initials`: an acronym whose letters are an earlier name's initials ("NIH");
    /// - `name-part`: an organisation's later first or last words ("Hyundai", "Nuggets");
    /// - `repeated-alias`: a later mention with the same surface as an earlier alias;
    /// - metonymy (`capital`, `seat`, `located-org`, `city-team`): a capital or seat of power that
    ///   is not governed by a place preposition stands for the government or institution: "Moscow" →
    ///   Russia, "Kremlin" → Russia, "Washington" → the "Federal Reserve in Washington".
    func findAliases() {
        let infos = index.entities
        let bytes = index.bytes
        // In the scratch object's buffers (moved out, and back after the rules).
        swap(&aliasTarget, &index.scratch.aliasTarget)
        aliasTarget.removeAll(keepingCapacity: true)
        aliasTarget.append(contentsOf: repeatElement(-1, count: infos.count))
        // First mention by name, alias by surface and surfaces seen, in one table (salted keys).
        var table = HashIndex(capacity: 0)
        swap(&table, &index.scratch.aliasTable)
        table.reset(capacity: infos.count * 2)
        let firstByKey = HashIndex.salts[1]
        let aliasBySurface = HashIndex.salts[2]
        let seenSurfaces = HashIndex.salts[3]
        var aliasKinds: [String] = []
        var parts = NamePartIndex(reusing: &index.scratch.nameParts, capacity: infos.count)
        defer {
            index.scratch.aliasTable = table
            index.scratch.nameParts = parts.takeTable()
        }
        for position in infos.indices {
            let label = infos[position].label
            guard label == .person || label == .organization || label == .location else { continue }
            let range = infos[position].range
            let surfaceKey = Self.nameKey(label, index.hash(range))
            if let known = table[surfaceKey ^ aliasBySurface] {
                addAlias(position, known >> 8, aliasKinds[known & 0xff], rule: "repeated-alias")
                continue
            }
            guard table.insertIfAbsent(surfaceKey ^ seenSurfaces, position) else { continue }
            defer { parts.add(position, label: label, range: range, bytes: bytes) }
            let canonical = index.documentEntities[position].canonical?.name
            let key = canonical.map { Self.nameKey(label, WordSet.hash($0)) } ?? surfaceKey
            // Tested only where it matters (organisations, and names sharing a canonical name).
            var acronymTest: Bool?
            func acronym() -> Bool {
                if let acronymTest { return acronymTest }
                let result = index.isAcronym(range)
                acronymTest = result
                return result
            }
            var found: (of: Int, kind: String, rule: String)?
            if let full = parenthesisDefinition(position), !index.contains(UInt8(ascii: " "), in: range),
                range.length < infos[full].range.length
            {
                found = (full, "acronym", "parenthesis-acronym")
            } else if let first = table[key ^ firstByKey], !index.sameText(infos[first].range, range) {
                // A differing surface of the same name, unless it is the full name itself ("U.S." then
                // "United States"); country names are aliased only as acronyms ("DRC").
                let isFullName = canonical.map {
                    MetonymTargets.equal($0, range, bytes)
                        || RelationResources.normalizedHash(bytes, range.start, range.end) == RelationResources.normalizedHash($0)
                } ?? true
                if !isFullName, label != .location || acronym() || infos[position].subtype != .country {
                    found = (first, acronym() ? "acronym" : "short_form", "same-canonical")
                }
            }
            if found == nil {
                // The acronym test is read for organisations only.
                found = parts.alias(for: range, bytes: bytes, label: label, acronym: label == .organization && acronym())
            }
            if let found {
                addAlias(position, found.of, found.kind, rule: found.rule)
                var kind = aliasKinds.firstIndex(of: found.kind) ?? aliasKinds.count
                if kind == aliasKinds.count { aliasKinds.append(found.kind) }
                kind = min(kind, 0xff)
                table.insertIfAbsent(surfaceKey ^ aliasBySurface, found.of << 8 | kind)
            } else {
                table.insertIfAbsent(key ^ firstByKey, position)
            }
        }
        findMetonymy()
    }

    /// A name hash with its label, as one key.
    private static func nameKey(_ label: EntityLabel, _ hash: UInt64) -> UInt64 {
        let code: UInt64
        switch label {
        case .person: code = 1
        case .location: code = 2
        case .organization: code = 3
        case .nationality: code = 4
        case .title: code = 5
        }
        return (hash ^ code) &* 0x9E37_79B9_7F4A_7C15
    }

    private func addAlias(_ alias: Int, _ of: Int, _ kind: String, rule: String) {
        guard alias != of else { return }
        aliasTarget[alias] = of
        collector.add(
            "alias", [("alias", .entity(alias)), ("of", .entity(of))], rule: rule, index: index, kind: kind,
            evidence: index.entities[alias].range)
    }

    /// "Full Name (ACR)": the full-name entity right before the parenthesis.
    private func parenthesisDefinition(_ entity: Int) -> Int? {
        let mention = Int(index.entities[entity].mention)
        guard mention >= 0 else { return nil }
        let first = mentions[mention].firstToken
        guard index.isPunctuation(first - 1, words.openParenthesis),
            index.isPunctuation(mentions[mention].lastToken + 1, words.closeParenthesis),
            let full = index.mention(endingAt: first - 2), case let .entity(fullEntity) = mentions[full].reference,
            mentions[full].kind == mentions[mention].kind || mentions[full].isEntity([.organization, .location])
        else { return nil }
        return fullEntity
    }

    private func findMetonymy() {
        let entities = index.documentEntities
        // Candidates: places and seats of power not governed by a place preposition.
        var candidates: [(position: Int, isPlace: Bool)] = []
        for position in entities.indices where aliasTarget[position] < 0 {
            let label = entities[position].label
            guard label == .location || label == .organization else { continue }
            let subtype = index.entities[position].subtype
            let isPlace = label == .location && subtype != .country && subtype != .region
                && subtype != .continent && subtype != .worldRegion
            let isSeat = label == .organization && (subtype == .government || entities[position].features["metonym"] != nil)
            guard isPlace || isSeat else { continue }
            let mention = Int(index.entities[position].mention)
            guard mention >= 0, !isLiteralUse(mention) else { continue }
            if candidates.isEmpty { candidates.reserveCapacity(16) }
            candidates.append((position, isPlace))
        }
        guard !candidates.isEmpty else { return }
        // First mentions, looked up by country ID, normalised name and first word.
        let targets = aliasTarget
        let places = MetonymTargets(index: index, firstOf: { targets[$0] >= 0 ? targets[$0] : $0 })
        var organizationsIn = HashIndex(capacity: 8)
        // By index, so only the relations of the type are read (a relation is a large value).
        let relations = collector.relations
        for number in relations.indices where relations[number].type == "located_in" {
            let arguments = relations[number].arguments
            guard case let .entity(inner)? = arguments.first?.reference,
                case let .entity(place)? = arguments.last?.reference, entities[inner].label == .organization
            else { continue }
            organizationsIn.insertIfAbsent(index.hash(entities[place].range), targets[inner] >= 0 ? targets[inner] : inner)
        }
        for (position, isPlace) in candidates {
            if let (referent, rule) = metonymReferent(position, isPlace: isPlace, places, organizationsIn), referent != position {
                collector.add(
                    "alias", [("alias", .entity(position)), ("of", .entity(referent))], rule: rule, index: index,
                    kind: "metonymy", evidence: entities[position].range)
            }
        }
    }

    /// A place governed by a preposition ("in Moscow", "in central Tbilisi"), or followed by
    /// ", region/country", is literal.
    private func isLiteralUse(_ mention: Int) -> Bool {
        var before = mentions[mention].firstToken - 1
        if isWord(before, words.the) { before -= 1 }
        var count = 0
        while count < 2, index.isLowercaseWord(before), !cue(before, .literal) {
            before -= 1
            count += 1
        }
        if cue(before, .literal) { return true }
        let after = mentions[mention].lastToken + 1
        if index.isPunctuation(after, words.comma), let next = index.mention(startingAt: after + 1),
            mentions[next].isEntity(.location), mentions[next].subtype != .city
        {
            return true
        }
        return false
    }

    private func metonymReferent(
        _ position: Int, isPlace: Bool, _ places: MetonymTargets, _ organizationsIn: HashIndex
    ) -> (Int, String)? {
        let entities = index.documentEntities
        let range = entities[position].range
        if isPlace {
            let surface = index.hash(range)
            // "the Federal Reserve in Washington" ... "Washington": the organisation the text placed there.
            if let organization = organizationsIn[surface], entities[organization].range.start < range.start {
                return (organization, "located-org")
            }
            // "Denver" → "Denver Nuggets".
            if let team = places.organizationStarting(with: surface) { return (team, "city-team") }
        }
        // The entity's own `of` feature, then the tables by surface, then by canonical name.
        if !entities[position].features.isEmpty, let of = entities[position].features["of"], let referent = MetonymReferent(of),
            let found = resolve(referent, places, isPlace: isPlace)
        {
            return found
        }
        // The table is read as a property: calling a method of the resources would copy them.
        let bySurface = shared.value.metonymsByHash[RelationResources.normalizedHash(index.bytes, range.start, range.end)] ?? []
        for referent in bySurface {
            if let found = resolve(referent, places, isPlace: isPlace) { return found }
        }
        if let canonical = entities[position].canonical?.name, !MetonymTargets.equal(canonical, range, index.bytes) {
            for referent in shared.value.metonymsByHash[RelationResources.normalizedHash(canonical)] ?? [] {
                if let found = resolve(referent, places, isPlace: isPlace) { return found }
            }
        }
        return nil
    }

    /// The first mention a referent names, if the document has one, with the rule.
    private func resolve(_ referent: MetonymReferent, _ places: MetonymTargets, isPlace: Bool) -> (Int, String)? {
        switch referent {
        case let .country(id):
            let key = WordSet.hash(id)
            return places.country(key, names: shared.value.countryNameHashes[key] ?? []).map { ($0, isPlace ? "capital" : "seat") }
        case let .organization(name):
            return places.organization(named: WordSet.hash(name)).map { ($0, "seat") }
        }
    }
}
