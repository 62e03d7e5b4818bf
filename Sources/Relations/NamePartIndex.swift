import GazetteCore

/// Earlier names of a document indexed by their parts, so a later short form finds its full
/// form in constant time: a person by the tail of the name ("Austin" → "Lloyd Austin"), an
/// organisation by its first or last words ("Hyundai" → "Hyundai Motor Group") or, for an
/// acronym, by its initials ("NIH" → "National Institutes of Health"). The first name wins.
struct NamePartIndex {
    private var personTails: [String: Int] = [:]
    private var organizationEnds: [String: Int] = [:]
    private var organizationInitials: [String: Int] = [:]

    /// Indexes a name mention.
    mutating func add(_ entity: Int, label: EntityLabel, surface: String) {
        let parts = Self.words(surface)
        guard parts.count > 1 else { return }
        switch label {
        case .person:
            for count in 1..<parts.count {
                let key = parts.suffix(count).joined(separator: " ")
                if personTails[key] == nil { personTails[key] = entity }
            }
        case .organization:
            for count in 1..<min(parts.count, 4) {
                for key in [parts.prefix(count).joined(separator: " "), parts.suffix(count).joined(separator: " ")]
                where organizationEnds[key] == nil {
                    organizationEnds[key] = entity
                }
            }
            let initials = String(parts.compactMap { part -> Character? in
                guard let first = part.first, first.isUppercase else { return nil }
                return first
            })
            if initials.count >= 2, organizationInitials[initials] == nil { organizationInitials[initials] = entity }
        default:
            break
        }
    }

    /// The full form a short mention refers to, with the alias kind and rule.
    func alias(for surface: String, label: EntityLabel, acronym: Bool) -> (of: Int, kind: String, rule: String)? {
        let parts = Self.words(surface)
        guard !parts.isEmpty else { return nil }
        let key = parts.joined(separator: " ")
        switch label {
        case .person:
            if let found = personTails[key] { return (found, "short_form", "surname") }
        case .organization:
            if acronym {
                let letters = String(surface.unicodeScalars.filter { $0.properties.isUppercase }.map { Character($0) })
                if let found = organizationInitials[letters] { return (found, "acronym", "initials") }
            } else if parts.allSatisfy({ $0.first?.isUppercase ?? false }), let found = organizationEnds[key] {
                return (found, "short_form", "name-part")
            }
        default:
            break
        }
        return nil
    }

    private static func words(_ text: String) -> [String] {
        text.split { $0 == " " || $0 == "-" }.map(String.init)
    }
}
