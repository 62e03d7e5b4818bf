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
