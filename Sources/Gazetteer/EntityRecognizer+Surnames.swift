import GazetteCore

extension EntityRecognizer {
    /// The surnames by which the notable people of the person lists are named alone in news
    /// ("Putin", "Zelenskiy", "Macron"), each with one entry of that person.
    ///
    /// Left out: surnames shared by two people of the lists and surnames common in the surname
    /// list (rank under `commonSurnameRank`): "Kim", "Harris" or "Johnson" alone name too many
    /// people to link. Keys have their diacritics folded (`surnameKey`).
    static func notableSurnames(in lexicon: CompiledLexicon) -> [String: LexiconEntryID] {
        let personLists = lexicon.lists.indices.filter { lexicon.lists[$0].label == .person }
        guard !personLists.isEmpty, lexicon.entryCount > 0 else { return [:] }
        var entryBySurname: [String: LexiconEntryID] = [:]
        var personBySurname: [String: String] = [:]
        var shared: Set<String> = []
        for list in personLists {
            for raw in lexicon.entryIDs(ofList: list) {
                let id = LexiconEntryID(rawValue: raw)
                // read the line's fields directly: a full entry parse of every listed person
                // costs more than the rest of the pipeline's start-up
                let fields = lexicon.rawLine(id).split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                guard fields.count >= 4 else { continue }
                let person = String(decoding: fields[2].isEmpty ? fields[1] : fields[2], as: UTF8.self)
                let prefix = Array("surname=".utf8)
                for field in fields.dropFirst(3) where field.starts(with: prefix) {
                    let surnames = String(decoding: field.dropFirst(prefix.count), as: UTF8.self)
                    note(surnames, of: person, entry: id)
                }
            }
        }
        func note(_ surnames: String, of person: String, entry id: LexiconEntryID) {
            for surname in surnames.split(separator: "|").map(String.init) where isSingleName(surname) {
                if let other = personBySurname[surname], other != person {
                    shared.insert(surname)
                    continue
                }
                personBySurname[surname] = person
                let key = surnameKey(surname)
                if entryBySurname[key] == nil { entryBySurname[key] = id }
            }
        }
        for surname in shared { entryBySurname[surnameKey(surname)] = nil }
        for surname in Array(entryBySurname.keys) {
            let common = lexicon.lookup(surname, labels: [.surname]).contains { entry in
                (entry.features["rank"].flatMap { Int($0) } ?? Int.max) < commonSurnameRank
            }
            if common { entryBySurname[surname] = nil }
        }
        return entryBySurname
    }

    /// A surname as looked up: diacritics folded, case kept ("Erdoğan" and "Erdogan" agree).
    static func surnameKey(_ text: String) -> String {
        // ASCII has no diacritics to fold: skip the fold (this runs for every unknown one-word name)
        text.utf8.allSatisfy { $0 < 0x80 } ? text : TextFolding.fold(text, caseFold: false, diacriticsFold: true)
    }

    /// Surnames ranked above this in the surname list are too common to name one person alone.
    static let commonSurnameRank = 5000

    /// A capitalised word of letters only ("Zelenskiy", "Erdoğan"), not "al-Burhan" or "Van Hollen".
    static func isSingleName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isUppercase, text.unicodeScalars.count >= 3 else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
    }
}

/// A 65,536-bit filter of byte strings (two bits per string, from its FNV-1a hash):
/// `mayContain` is false only for strings that were not inserted.
struct SurnameFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    init<Keys: Sequence<String>>(_ keys: Keys) {
        for key in keys {
            var key = key
            let hash = key.withUTF8 { Self.hash($0, 0, $0.count) }
            let (first, second) = Self.bits(hash)
            bits[first >> 6] |= 1 << UInt64(first & 63)
            bits[second >> 6] |= 1 << UInt64(second & 63)
        }
    }

    func mayContain(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let (first, second) = Self.bits(Self.hash(bytes, start, end))
        return bits[first >> 6] & (1 << UInt64(first & 63)) != 0 && bits[second >> 6] & (1 << UInt64(second & 63)) != 0
    }

    @inline(__always)
    private static func bits(_ hash: UInt64) -> (Int, Int) {
        (Int(truncatingIfNeeded: hash & 0xFFFF), Int(truncatingIfNeeded: (hash >> 32) & 0xFFFF))
    }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in start..<end { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}
