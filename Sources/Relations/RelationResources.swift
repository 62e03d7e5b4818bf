import Foundation
import GazetteCore

/// The data the relations stage loads once: trigger verbs, cue words and metonymy referents.
///
/// Read from `Lexicons/relations/` (`triggers.tsv`, `cues.tsv`, `metonyms.tsv`) plus, when they
/// exist, the gazetteer's country list (`places/countries.tsv`, its `capital=` feature) and seats of
/// power (`orgs/seats_of_power.tsv`, its `of=` feature), so no fact is copied into code.
public struct RelationResources: Sendable {
    /// Trigger surfaces (lowercase; multi-word surfaces joined by one space) → trigger.
    public var triggers: [String: TriggerVerb]
    /// Cue role ("literal", "be", ...) → words.
    public var cues: [String: Set<String>]
    /// Normalised place or building name → referents, in preference order.
    public var metonyms: [String: [MetonymReferent]]
    /// Country ID → its normalised names (from the country list), to find a country mentioned
    /// without an ID.
    public var countryNames: [String: Set<String>]

    /// Cue words, fixed words and trigger surfaces with their IDs and cue bits.
    let vocabulary: Vocabulary
    /// The IDs of the fixed words the rules compare against.
    let words: FixedWords
    /// Trigger surfaces, indexed by `Vocabulary.singleTrigger` and `pairTriggers`.
    let triggerEntries: [TriggerEntry]
    /// Two-word trigger surfaces: (first word ID << 32 | second word ID) → index into `triggerEntries`.
    let pairTriggers: [Int64: Int32]
    /// Lemmas a deploy frame's first theme may count.
    let deployable: WordSet
    /// The shapes of the words a scan over every token looks for (triggers, inclusion verbs).
    let scanFilter: WordFilter
    /// Prefilter for every vocabulary word (tokens it rejects are not looked up).
    let wordFilter: WordFilter
    /// `metonyms` keyed by the FNV hash of the normalised name.
    let metonymsByHash: [UInt64: [MetonymReferent]]
    /// `countryNames` keyed by the FNV hash of the ID, as FNV hashes of the names.
    let countryNameHashes: [UInt64: [UInt64]]

    /// The referents of a place or building name (normalised here).
    func metonymReferents(_ name: String) -> [MetonymReferent] {
        metonymsByHash[WordSet.hash(Self.normalizedName(name))] ?? []
    }

    /// The referents of a normalised-name hash.
    func metonymReferents(normalizedHash: UInt64) -> [MetonymReferent] {
        metonymsByHash[normalizedHash] ?? []
    }

    /// The trigger verb written `surface` (lowercase; a two-word surface with one space), if any.
    func trigger(_ surface: String) -> TriggerVerb? { triggers[surface] }

    /// Creates resources from their parts.
    public init(
        triggers: [String: TriggerVerb], cues: [String: Set<String>], metonyms: [String: [MetonymReferent]],
        countryNames: [String: Set<String>] = [:]
    ) {
        self.countryNames = countryNames
        self.triggers = triggers
        self.cues = cues
        self.metonyms = metonyms
        self.metonymsByHash = Dictionary(metonyms.map { (WordSet.hash($0.key), $0.value) }, uniquingKeysWith: +)
        self.countryNameHashes = Dictionary(
            countryNames.map { (WordSet.hash($0.key), $0.value.map { WordSet.hash($0) }) }, uniquingKeysWith: +)
        self.deployable = WordSet(cues["deployable"] ?? [])
        var vocabulary = Vocabulary()
        self.words = FixedWords(&vocabulary)
        for (role, members) in cues.sorted(by: { $0.key < $1.key }) {
            guard let cue = Vocabulary.Cue.role(role) else { continue }
            for word in members.sorted() { vocabulary.mark(word, cue) }
        }
        var entries: [TriggerEntry] = []
        var pairs: [Int64: Int32] = [:]
        for (surface, verb) in triggers.sorted(by: { $0.key < $1.key }) {
            let parts = surface.split(separator: " ").map(String.init)
            guard let first = parts.first, parts.count <= 2 else { continue }
            let index = Int32(entries.count)
            let preposition = verb.objectPreposition.map { vocabulary.add($0.lowercased()) } ?? 0
            entries.append(
                TriggerEntry(verb: verb, form: TriggerEntry.form(of: first, lemma: verb.lemma), objectPreposition: preposition))
            if parts.count == 1 {
                vocabulary.setTrigger(first, index)
            } else {
                vocabulary.mark(first, .triggerHead)
                let head = Int64(vocabulary.add(first))
                let second = Int64(vocabulary.add(parts[1]))
                pairs[head << 32 | second] = index
            }
        }
        self.triggerEntries = entries
        self.pairTriggers = pairs
        self.scanFilter = WordFilter(vocabulary.words(with: Vocabulary.scanned))
        self.wordFilter = WordFilter(vocabulary.words.dropFirst())
        vocabulary.finish()
        self.vocabulary = vocabulary
    }

    /// Loads the resources from a `Lexicons/` directory.
    public static func load(lexiconDirectory: String) throws(RelationResourceError) -> RelationResources {
        let base = URL(fileURLWithPath: lexiconDirectory)
        let relations = base.appendingPathComponent("relations")
        let triggerRows = try rows(relations.appendingPathComponent("triggers.tsv").path, required: true)
        var triggers: [String: TriggerVerb] = [:]
        for row in triggerRows where row.fields.count >= 3 {
            let options = row.fields.dropFirst(3).reduce(into: [String: String]()) { result, option in
                let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { result[parts[0]] = parts[1] }
            }
            let verb = TriggerVerb(type: row.fields[0], lemma: row.fields[1], objectPreposition: options["object"])
            for surface in row.fields[2].split(separator: ",") {
                let key = surface.trimmingCharacters(in: .whitespaces).lowercased()
                if !key.isEmpty, triggers[key] == nil { triggers[key] = verb }
            }
        }
        var cues: [String: Set<String>] = [:]
        for row in try rows(relations.appendingPathComponent("cues.tsv").path, required: true) where row.fields.count >= 2 {
            cues[row.fields[0], default: []].insert(row.fields[1].lowercased())
        }
        var metonyms: [String: [MetonymReferent]] = [:]
        for row in try rows(relations.appendingPathComponent("metonyms.tsv").path, required: false) where row.fields.count >= 2 {
            let referents = row.fields[1].split(separator: "|").compactMap { MetonymReferent(String($0)) }
            metonyms[normalizedName(row.fields[0]), default: []] += referents
        }
        let countries = base.appendingPathComponent("places/countries.tsv").path
        var countryNames: [String: Set<String>] = [:]
        for row in try rows(countries, required: false) where row.fields.count >= 3 {
            let id = row.fields[2]
            guard id.hasPrefix("iso3166:") else { continue }
            countryNames[id, default: []].formUnion([normalizedName(row.fields[0]), normalizedName(row.fields[1])])
            for feature in row.fields.dropFirst(3) where feature.hasPrefix("capital=") {
                let key = normalizedName(String(feature.dropFirst("capital=".count)))
                if !(metonyms[key] ?? []).contains(.country(id)) { metonyms[key, default: []].append(.country(id)) }
            }
        }
        let seatLists = ["orgs/seats_of_power.tsv", "places/seats_of_power.tsv"].map { base.appendingPathComponent($0).path }
        var seatRows: [Row] = []
        for path in seatLists { seatRows += try rows(path, required: false) }
        for row in seatRows where row.fields.count >= 3 {
            for feature in row.fields.dropFirst(3) where feature.hasPrefix("of=iso3166:") {
                let id = String(feature.dropFirst("of=".count))
                for name in [row.fields[0], row.fields[1]] {
                    let key = normalizedName(name)
                    if !(metonyms[key] ?? []).contains(.country(id)) { metonyms[key, default: []].append(.country(id)) }
                }
            }
        }
        return RelationResources(triggers: triggers, cues: cues, metonyms: metonyms, countryNames: countryNames)
    }

    /// Finds `Lexicons/` (with `relations/triggers.tsv`): `GAZETTE_LEXICONS`, else the first
    /// `Lexicons/` at or above the running executable's folder, else at or above the current folder.
    public static func locateLexiconDirectory() -> String? {
        let manager = FileManager.default
        func hasRelations(_ path: String) -> Bool {
            manager.fileExists(atPath: URL(fileURLWithPath: path).appendingPathComponent("relations/triggers.tsv").path)
        }
        if let explicit = ProcessInfo.processInfo.environment["GAZETTE_LEXICONS"], hasRelations(explicit) {
            return explicit
        }
        var starts: [URL] = []
        if let executable = try? manager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        starts.append(URL(fileURLWithPath: manager.currentDirectoryPath))
        for start in starts {
            var directory = start.standardizedFileURL
            for _ in 0..<64 {
                for candidate in ["Lexicons", "share/gazette/Lexicons"] {
                    let path = directory.appendingPathComponent(candidate).path
                    if hasRelations(path) { return path }
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }

    /// A name reduced for table look-ups: lowercase letters, digits and single spaces only
    /// ("Washington, D.C." → "washington d c"). ASCII is handled byte by byte; other text is
    /// lowercased and its letters kept.
    public static func normalizedName(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        var ascii = true
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                0x80...:
                if pendingSpace && !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
                pendingSpace = false
                if byte >= 0x80 { ascii = false }
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: ","), UInt8(ascii: "."):
                pendingSpace = byte != UInt8(ascii: ".") || pendingSpace
            default:
                break
            }
        }
        let result = String(decoding: bytes, as: UTF8.self)
        return ascii ? result : result.lowercased()
    }

    /// Words of a cue role.
    public func cue(_ role: String) -> Set<String> { cues[role] ?? [] }

    struct Row {
        var fields: [String]
    }

    private static func rows(_ path: String, required: Bool) throws(RelationResourceError) -> [Row] {
        guard let data = FileManager.default.contents(atPath: path) else {
            if required { throw .unreadable(path: path) }
            return []
        }
        var result: [Row] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: "#") else { continue }
                var fields: [String] = []
                var fieldStart = lineStart
                for offset in lineStart...lineEnd where offset == lineEnd || bytes[offset] == 9 {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<offset]), as: UTF8.self))
                    fieldStart = offset + 1
                }
                if fields.count >= 2 { result.append(Row(fields: fields)) }
            }
        }
        return result
    }

    /// The FNV-1a hash of `normalizedName` of the bytes `bytes[start..<end]`, without building
    /// the string when they are ASCII.
    static func normalizedHash(_ bytes: [UInt8], _ start: Int, _ end: Int) -> UInt64 {
        // Over a buffer (an `ArraySlice` was iterated through its generic, bounds-checked path).
        bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
            return normalizedHash(slice) { String(decoding: slice, as: UTF8.self) }
        }
    }

    /// The FNV-1a hash of `normalizedName(name)`.
    static func normalizedHash(_ name: String) -> UInt64 {
        if let value = name.utf8.withContiguousStorageIfAvailable({ normalizedHash($0) { name } }) { return value }
        return normalizedHash(name.utf8) { name }
    }

    /// The hash of ASCII text computed on the bytes (letters lowered, digits kept, runs of spaces,
    /// hyphens and commas as one space, periods dropped); other text hashes `normalizedName` of
    /// `text()`.
    private static func normalizedHash(_ utf8: some Sequence<UInt8>, text: () -> String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var pendingSpace = false
        var empty = true
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingSpace && !empty { hash = (hash ^ UInt64(UInt8(ascii: " "))) &* 0x100_0000_01b3 }
                pendingSpace = false
                empty = false
                let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                hash = (hash ^ UInt64(lower)) &* 0x100_0000_01b3
            case 0x80...:
                return WordSet.hash(normalizedName(text()))
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: ","), UInt8(ascii: "."):
                pendingSpace = byte != UInt8(ascii: ".") || pendingSpace
            default:
                break
            }
        }
        return hash
    }
}
