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
    mutating func findAliases() {
        let entities = index.document.entities
        let surfaces = entities.map { index.text($0.range) }
        var firstByKey: [NameKey: Int] = Dictionary(minimumCapacity: entities.count)
        var aliasBySurface: [NameKey: (of: Int, kind: String)] = [:]
        var seenSurfaces: Set<NameKey> = Set(minimumCapacity: entities.count)
        var parts = NamePartIndex()
        for position in entities.indices {
            let label = entities[position].label
            guard label == .person || label == .organization || label == .location else { continue }
            let surface = surfaces[position]
            let surfaceKey = NameKey(label: label, name: surface)
            if let known = aliasBySurface[surfaceKey] {
                addAlias(position, known.of, known.kind, rule: "repeated-alias")
                continue
            }
            guard seenSurfaces.insert(surfaceKey).inserted else { continue }
            defer { parts.add(position, label: label, surface: surface) }
            let entity = entities[position]
            let canonical = entity.canonical?.name ?? surface
            let key = NameKey(label: entity.label, name: canonical)
            var found: (of: Int, kind: String, rule: String)?
            if let full = parenthesisDefinition(position), !surface.utf8.contains(UInt8(ascii: " ")),
                surface.utf8.count < surfaces[full].utf8.count
            {
                found = (full, "acronym", "parenthesis-acronym")
            } else if let first = firstByKey[key], surfaces[first] != surface {
                // A differing surface of the same name, unless it is the full name itself ("U.S." then
                // "United States"); country names are aliased only as acronyms ("DRC").
                let acronym = isAcronym(surface)
                let isFullName = surface == canonical
                    || RelationResources.normalizedName(surface) == RelationResources.normalizedName(canonical)
                if !isFullName, entity.label != .location || acronym || entity.subtype != "country" {
                    found = (first, acronym ? "acronym" : "short_form", "same-canonical")
                }
            }
            if found == nil {
                found = parts.alias(for: surface, label: entity.label, acronym: isAcronym(surface))
            }
            if let found {
                addAlias(position, found.of, found.kind, rule: found.rule)
                aliasBySurface[surfaceKey] = (found.of, found.kind)
            } else if firstByKey[key] == nil {
                firstByKey[key] = position
            }
        }
        findMetonymy(surfaces)
    }

    /// A name with its label, as a dictionary key.
    private struct NameKey: Hashable {
        var label: EntityLabel
        var hash: UInt64

        init(label: EntityLabel, name: String) {
            self.label = label
            self.hash = WordSet.hash(name)
        }
    }

    private mutating func addAlias(_ alias: Int, _ of: Int, _ kind: String, rule: String) {
        guard alias != of else { return }
        collector.add(
            "alias", [("alias", .entity(alias)), ("of", .entity(of))], rule: rule, index: index, kind: kind,
            evidence: index.document.entities[alias].range)
    }

    /// "Full Name (ACR)": the full-name entity right before the parenthesis.
    private func parenthesisDefinition(_ entity: Int) -> Int? {
        let mention = index.entityMention[entity]
        guard mention >= 0 else { return nil }
        let first = mentions[mention].firstToken
        guard index.isPunctuation(first - 1, "("), index.isPunctuation(mentions[mention].lastToken + 1, ")"),
            let full = index.mention(endingAt: first - 2), case let .entity(fullEntity) = mentions[full].reference,
            mentions[full].label == mentions[mention].label || mentions[full].isEntity(.organization, .location)
        else { return nil }
        return fullEntity
    }

    /// Two or more letters, mostly capitals, no spaces ("SDF", "DRC", "TurkStat", "U.S.").
    func isAcronym(_ surface: String) -> Bool {
        var capitals = 0
        var letters = 0
        if surface.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in surface.utf8 {
                if byte == UInt8(ascii: " ") { return false }
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { capitals += 1; letters += 1 }
                if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { letters += 1 }
            }
            return capitals >= 2 && capitals * 2 >= letters
        }
        for scalar in surface.unicodeScalars {
            if scalar == " " { return false }
            if scalar.properties.isUppercase { capitals += 1 }
            if scalar.properties.isAlphabetic { letters += 1 }
        }
        return capitals >= 2 && capitals * 2 >= letters
    }

    private mutating func findMetonymy(_ surfaces: [String]) {
        let entities = index.document.entities
        var aliased = Set<Int>()
        var targets: [Int: Int] = [:]
        for relation in collector.relations where relation.type == "alias" {
            if case let .entity(alias)? = relation.arguments.first?.reference {
                aliased.insert(alias)
                if case let .entity(target)? = relation.arguments.last?.reference { targets[alias] = target }
            }
        }
        // Candidates: places and seats of power not governed by a place preposition.
        var candidates: [(position: Int, isPlace: Bool)] = []
        for position in entities.indices where !aliased.contains(position) {
            let label = entities[position].label
            guard label == .location || label == .organization else { continue }
            let subtype = entities[position].subtype
            let isPlace = label == .location && subtype != "country" && subtype != "region"
                && subtype != "continent" && subtype != "world_region"
            let isSeat = label == .organization && (subtype == "government" || entities[position].features["metonym"] != nil)
            guard isPlace || isSeat else { continue }
            let mention = index.entityMention[position]
            guard mention >= 0, !isLiteralUse(mention) else { continue }
            candidates.append((position, isPlace))
        }
        guard !candidates.isEmpty else { return }
        // First mentions, looked up by country ID, normalised name and first word.
        let places = MetonymTargets(entities: entities, surfaces: surfaces, firstOf: { targets[$0] ?? $0 })
        var organizationsIn: [String: Int] = [:]
        for relation in collector.relations where relation.type == "located_in" {
            guard case let .entity(inner)? = relation.arguments.first?.reference,
                case let .entity(place)? = relation.arguments.last?.reference, entities[inner].label == .organization
            else { continue }
            let key = surfaces[place]
            if organizationsIn[key] == nil { organizationsIn[key] = targets[inner] ?? inner }
        }
        for (position, isPlace) in candidates {
            let entity = entities[position]
            if let (referent, rule) = metonymReferent(position, entity, isPlace: isPlace, places, organizationsIn),
                referent != position
            {
                collector.add(
                    "alias", [("alias", .entity(position)), ("of", .entity(referent))], rule: rule, index: index,
                    kind: "metonymy", evidence: entity.range)
            }
        }
    }

    /// A place governed by a preposition ("in Moscow", "in central Tbilisi"), or followed by
    /// ", region/country", is literal.
    private func isLiteralUse(_ mention: Int) -> Bool {
        var before = mentions[mention].firstToken - 1
        if index.word(before) == "the" { before -= 1 }
        var words = 0
        while words < 2, index.isLowercaseWord(before), !literal.contains(index.word(before)) {
            before -= 1
            words += 1
        }
        if literal.contains(index.word(before)) { return true }
        let after = mentions[mention].lastToken + 1
        if index.isPunctuation(after, ","), let next = index.mention(startingAt: after + 1),
            mentions[next].isEntity(.location), (mentions[next].subtype ?? "") != "city"
        {
            return true
        }
        return false
    }

    private func metonymReferent(
        _ position: Int, _ entity: Entity, isPlace: Bool, _ places: MetonymTargets, _ organizationsIn: [String: Int]
    ) -> (Int, String)? {
        let surface = index.text(entity.range)
        if isPlace {
            // "the Federal Reserve in Washington" ... "Washington": the organisation the text placed there.
            if let organization = organizationsIn[surface], index.document.entities[organization].range.start < entity.range.start {
                return (organization, "located-org")
            }
            // "Denver" → "Denver Nuggets".
            if let team = places.organizationStarting(with: surface) { return (team, "city-team") }
        }
        var referents: [MetonymReferent] = []
        if let of = entity.features["of"], let referent = MetonymReferent(of) { referents.append(referent) }
        referents += resources.metonymReferents(surface)
        if let canonical = entity.canonical?.name {
            if canonical != surface { referents += resources.metonymReferents(canonical) }
        }
        for referent in referents {
            switch referent {
            case let .country(id):
                if let found = places.country(id, names: resources.countryNames[id] ?? []) {
                    return (found, isPlace ? "capital" : "seat")
                }
            case let .organization(name):
                if let found = places.organization(named: name) { return (found, "seat") }
            }
        }
        return nil
    }
}
