import GazetteCore

/// Earlier names of a document indexed by their parts, so a later short form finds its full
/// form in constant time: a person by the tail of the name ("Austin" → "Lloyd Austin"), an
/// organisation by its first or last words ("Hyundai" → "Hyundai Motor Group") or, for an
/// acronym, by its initials ("NIH" → "National Institutes of Health"). The first name wins.
struct NamePartIndex {
    private var personTails: [UInt64: Int] = [:]
    private var organizationEnds: [UInt64: Int] = [:]
    private var organizationInitials: [UInt64: Int] = [:]

    /// Indexes a name mention.
    mutating func add(_ entity: Int, label: EntityLabel, surface: String) {
        guard label == .person || label == .organization else { return }
        let starts = Self.wordStarts(surface)
        guard starts.count > 1 else { return }
        switch label {
        case .person:
            for start in starts.dropFirst() {
                let key = Self.hash(surface[start...])
                if personTails[key] == nil { personTails[key] = entity }
            }
        default:
            for (number, start) in starts.enumerated() where number > 0 && number < 4 {
                let tail = Self.hash(surface[starts[starts.count - number]...])
                let head = Self.hash(surface[..<start].dropLast())
                if organizationEnds[tail] == nil { organizationEnds[tail] = entity }
                if organizationEnds[head] == nil { organizationEnds[head] = entity }
            }
            var initials = ""
            for start in starts {
                let character = surface[start]
                if character.isUppercase { initials.append(character) }
            }
            if initials.count >= 2, organizationInitials[WordSet.hash(initials)] == nil {
                organizationInitials[WordSet.hash(initials)] = entity
            }
        }
    }

    /// The full form a short mention refers to, with the alias kind and rule.
    func alias(for surface: String, label: EntityLabel, acronym: Bool) -> (of: Int, kind: String, rule: String)? {
        guard !surface.isEmpty else { return nil }
        switch label {
        case .person:
            if let found = personTails[WordSet.hash(surface)] { return (found, "short_form", "surname") }
        case .organization:
            if acronym {
                let letters = surface.utf8.allSatisfy({ $0 < 0x80 })
                    ? String(decoding: surface.utf8.filter { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }, as: UTF8.self)
                    : String(surface.filter(\.isUppercase))
                if let found = organizationInitials[WordSet.hash(letters)] { return (found, "acronym", "initials") }
            } else if let found = organizationEnds[WordSet.hash(surface)],
                Self.wordStarts(surface).allSatisfy({ surface[$0].isUppercase })
            {
                return (found, "short_form", "name-part")
            }
        default:
            break
        }
        return nil
    }

    private static func hash(_ text: Substring) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Where each word starts (words are separated by spaces or hyphens).
    private static func wordStarts(_ text: String) -> [String.Index] {
        var starts: [String.Index] = []
        var atStart = true
        var position = text.startIndex
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                atStart = true
            } else if atStart {
                starts.append(position)
                atStart = false
            }
            position = text.utf8.index(after: position)
        }
        return starts
    }
}
