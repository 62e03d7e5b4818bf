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
    /// First words of multi-word trigger surfaces ("held" for "held talks").
    var multiWordHeads: WordSet
    /// `triggers` keyed by the FNV hash of the surface.
    let triggerByHash: [UInt64: TriggerVerb]

    /// The trigger verb written `surface` (lowercase), if any.
    @inline(__always)
    func trigger(_ surface: String) -> TriggerVerb? { triggerByHash[WordSet.hash(surface)] }
    /// Cue role ("literal", "be", ...) → words.
    public var cues: [String: Set<String>]
    /// Normalised place or building name → referents, in preference order.
    public var metonyms: [String: [MetonymReferent]]
    /// Country ID → its normalised names (from the country list), to find a country mentioned
    /// without an ID.
    public var countryNames: [String: Set<String>]
    /// Prefilter for the words looked up at every token: trigger surfaces (first words) and
    /// inclusion verbs.
    let scanFilter: WordFilter
    /// The cue sets by role.
    let cueWords: CueWords
    /// `metonyms` keyed by the FNV hash of the normalised name.
    let metonymsByHash: [UInt64: [MetonymReferent]]

    /// The referents of a place or building name (normalised here).
    func metonymReferents(_ name: String) -> [MetonymReferent] {
        metonymsByHash[WordSet.hash(Self.normalizedName(name))] ?? []
    }

    /// Creates resources from their parts.
    public init(
        triggers: [String: TriggerVerb], cues: [String: Set<String>], metonyms: [String: [MetonymReferent]],
        countryNames: [String: Set<String>] = [:]
    ) {
        self.countryNames = countryNames
        self.triggers = triggers
        self.multiWordHeads = WordSet(triggers.keys.compactMap { key in
            key.contains(" ") ? key.split(separator: " ").first.map(String.init) : nil
        })
        self.triggerByHash = Dictionary(triggers.map { (WordSet.hash($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.cues = cues
        self.metonyms = metonyms
        self.cueWords = CueWords(cues)
        self.metonymsByHash = Dictionary(metonyms.map { (WordSet.hash($0.key), $0.value) }, uniquingKeysWith: +)
        self.scanFilter = WordFilter(
            triggers.keys.map { String($0.split(separator: " ").first ?? Substring($0)) } + Array(cues["include"] ?? []))
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
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
            if required { throw .unreadable(path: path) }
            return []
        }
        var result: [Row] = []
        for line in contents.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
            if fields.count >= 2 { result.append(Row(fields: fields)) }
        }
        return result
    }
}
