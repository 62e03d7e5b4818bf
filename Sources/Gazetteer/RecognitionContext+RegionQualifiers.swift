import GazetteCore

/// Places qualified by the region or country after them: "Paris, Texas", "Birmingham, Alabama",
/// "a native of Vermillion, South Dakota", "Hama, Syria".
///
/// The region names which of the listed places of that name is meant (rule `place-region`), and
/// makes an unlisted capitalised name before it a place (rule `place-before-region`).
extension RecognitionContext {
    /// Re-links or adds the place before each ", <region or country>" among the chosen proposals.
    mutating func qualifyPlacesByRegion(_ chosen: inout [Proposal]) {
        var added: [Proposal] = []
        for index in chosen.indices {
            // (the comma first, read in place: most places follow none, and the country code
            // builds a string)
            let comma = chosen[index].tokens.lowerBound - 1
            guard chosen[index].label == .location, comma >= 2, isByte(comma, UInt8(ascii: ",")),
                tokens[comma].sentence == tokens[chosen[index].tokens.lowerBound].sentence
            else { continue }
            let region = chosen[index]
            // (the region may have been read as a town of that name elsewhere: "Mesa, Arizona"
            // is the US state, not the Honduran town, which `qualified` then picks)
            guard countryCode(of: region) != nil || subdivisionReading(at: region.tokens) != nil else { continue }
            if index > 0, chosen[index - 1].tokens.upperBound == comma {
                // A listed place right before the comma: the one in that region, if listed.
                let place = chosen[index - 1]
                // (a seat of power that is also a listed city: "in Hollywood, California")
                guard place.label == .location && place.subtype == "city"
                    || place.label == .organization && place.features["metonym"] != nil
                else { continue }
                if let (newPlace, newRegion) = qualified(place, by: region) {
                    chosen[index - 1] = newPlace
                    chosen[index] = newRegion
                }
                continue
            }
            if let place = unlistedPlace(endingAt: comma, chosen: chosen) { added.append(place) }
        }
        guard !added.isEmpty else { return }
        chosen.append(contentsOf: added)
        chosen.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// A town of fewer than this many people, named like a first-level subdivision of another
    /// country, yields to the subdivision ("Arizona", "Virginia", "Ontario").
    static let foreignTownPopulation = 500_000

    /// ISO 3166-2 subdivision types that are a country's first level and widely known by name
    /// (a US or Indian state, a Canadian or Chinese province, a German Land), not the regions,
    /// districts or councils that many a town abroad is named like ("Savannah" is a region of
    /// Ghana too).
    static let prominentSubdivisionTypes: Set<String> = ["state", "province", "land", "autonomous_community", "emirate"]

    /// "a plant in Arizona": a chosen town that shares its name with a prominent first-level
    /// subdivision of another country (`prominentSubdivisionTypes`) and has fewer than
    /// `foreignTownPopulation` people is that subdivision (rule `place-region`). A city named
    /// like a subdivision of its own country stays the city ("New York", "Córdoba", "Hamburg").
    func preferSubdivisions(_ chosen: inout [Proposal]) {
        for index in chosen.indices where chosen[index].label == .location && chosen[index].subtypeCode == .city {
            let place = chosen[index]
            // (a place qualified by the region after it is settled: "Savannah, Georgia")
            if place.rule == .placeRegion || index + 1 < chosen.count && chosen[index + 1].label == .location
                && chosen[index + 1].tokens.lowerBound == place.tokens.upperBound + 1 && isByte(place.tokens.upperBound, UInt8(ascii: ","))
            {
                continue
            }
            guard let region = subdivisionReading(at: place.tokens), let details = place.details,
                details.population < Self.foreignTownPopulation, region.features["parent"] == nil,
                let type = region.features["type"], Self.prominentSubdivisionTypes.contains(type),
                let country = region.features["country"], country != details.features["country"]
            else { continue }
            var replaced = place
            replaced.details = region
            replaced.subtypeCode = SubtypeCode(region.subtype)
            replaced.rule = .placeRegion
            chosen[index] = replaced
        }
    }

    /// The template of a first-level subdivision (an "iso3166-2:" reading) among the location
    /// candidates spanning exactly `span`, if any.
    func subdivisionReading(at span: Range<Int>) -> EntityTemplate? {
        let regionLists = recognizer.resources.regionLists
        for slot in entityRange(at: span.lowerBound) {
            let candidate = candidates[Int(entityIndices[slot])]
            guard candidate.tokens == span, candidate.code == .location, candidate.list < regionLists.count,
                regionLists[candidate.list]
            else { continue }
            let template = self.template(candidate.entry)
            if template.subtype == "region", template.canonical?.id?.hasPrefix("iso3166-2:") == true { return template }
        }
        return nil
    }

    /// The ISO 3166 alpha-2 code of a country or of the country a region belongs to.
    func countryCode(of proposal: Proposal) -> String? {
        countryCode(subtype: proposal.subtype, canonicalID: proposal.canonical?.id, features: proposal.features)
    }

    func countryCode(subtype: String?, canonicalID: String?, features: [String: String]) -> String? {
        guard let id = canonicalID else { return nil }
        switch subtype {
        case "country":
            return id.hasPrefix("iso3166:") ? String(id.dropFirst("iso3166:".count)) : nil
        case "region":
            // ISO 3166-2 subdivisions ("iso3166-2:US-TX"), not world regions.
            return id.hasPrefix("iso3166-2:") ? features["country"] : nil
        default:
            return nil
        }
    }

    /// "Paris, Texas": the pair of listed readings of the place and of the region after it that
    /// fit together best: the city in that very subdivision (GeoNames `admin1` "US.TX" for
    /// "iso3166-2:US-TX"), else in that country, the more populous first ("Savannah, Georgia" is
    /// the city in the US state, not the country). Where no listed city fits, the name is a place
    /// the lists do not hold, and the listed one elsewhere is unlinked. Nil when nothing changes.
    func qualified(_ place: Proposal, by region: Proposal) -> (Proposal, Proposal)? {
        struct Reading {
            var template: EntityTemplate
            var country: String
            var admin: String?
        }
        var regions: [Reading] = []
        for slot in entityRange(at: region.tokens.lowerBound) {
            let candidate = candidates[Int(entityIndices[slot])]
            guard candidate.tokens == region.tokens, candidate.code == .location else { continue }
            let template = self.template(candidate.entry)
            guard let country = countryCode(subtype: template.subtype, canonicalID: template.canonical?.id, features: template.features)
            else { continue }
            let admin = template.canonical?.id.flatMap { id -> String? in
                guard id.hasPrefix("iso3166-2:") else { return nil }
                return String(id.dropFirst("iso3166-2:".count).map { $0 == "-" ? "." : $0 })
            }
            regions.append(Reading(template: template, country: country, admin: admin))
        }
        guard !regions.isEmpty else { return nil }
        // (city, region, in the region itself, population)
        var best: (city: EntityTemplate, region: EntityTemplate, inRegion: Bool, population: Int)?
        for slot in entityRange(at: place.tokens.lowerBound) {
            let candidate = candidates[Int(entityIndices[slot])]
            guard candidate.tokens == place.tokens, candidate.code == .location else { continue }
            let template = self.template(candidate.entry)
            guard template.subtype == "city", let country = template.features["country"] else { continue }
            for reading in regions where reading.country == country {
                let inRegion = reading.admin != nil && template.admin1 == reading.admin
                if let current = best, current.inRegion && !inRegion
                    || current.inRegion == inRegion && current.population >= template.population { continue }
                best = (template, reading.template, inRegion, template.population)
            }
        }
        var newPlace = place
        newPlace.rule = .placeRegion
        if place.label != .location {
            // a seat of power qualified by a region it lies in is that city
            guard let best else { return nil }
            newPlace.label = .location
            newPlace.subtypeCode = SubtypeCode(best.city.subtype)
        }
        if let best {
            guard best.city !== place.details || best.region !== region.details else { return nil }
            newPlace.details = best.city
            var newRegion = region
            if best.region !== region.details {
                newRegion.details = best.region
                newRegion.subtypeCode = SubtypeCode(best.region.subtype)
                newRegion.rule = .placeRegion
            }
            return (newPlace, newRegion)
        }
        guard place.features["country"] != countryCode(of: region) else { return nil }
        newPlace.details = nil
        return (newPlace, region)
    }

    /// One to three capitalised words before ", <region>" that no proposal covers, introduced by
    /// a locative preposition ("in", "from", "of", "near" ...): a place the lists do not hold.
    func unlistedPlace(endingAt end: Int, chosen: [Proposal]) -> Proposal? {
        var start = end
        while start > 0, end - start < 3, isCapitalised(start - 1), tokens[start - 1].sentence == tokens[end].sentence {
            start -= 1
        }
        guard start < end, start >= 1, isText(start - 1, RecognitionContext.locativePrepositionSet),
              !tokens[start].isSentenceInitial, !(start..<end).contains(where: { isCapitalLetters($0) || has($0, .commonAcronym) })
        else { return nil }
        // No chosen proposal overlaps the name.
        if chosen.contains(where: { $0.tokens.overlaps(start..<end) }) { return nil }
        return Proposal(tokens: start..<end, label: .location, subtype: .city, rule: .placeBeforeRegion, strength: 2)
    }
}
