import GazetteCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first mentions a metonym can stand for, looked up by country ID or name, organisation
/// name, or an organisation's first word ("Denver" → "Denver Nuggets"); each lookup returns the
/// first full-form mention. Name tables are built on first use (most documents need only IDs).
/// Keys are FNV-1a hashes (of the ID, of the normalised name, of the first word's bytes).
final class MetonymTargets {
    private let index: MentionIndex
    private let firstOf: (Int) -> Int
    private lazy var countriesByID: HashIndex = {
        let infos = index.entities
        var result = HashIndex(capacity: infos.count)
        index.documentEntities.withUnsafeBufferPointer { entities in
            for position in infos.indices where infos[position].label == .location {
                if let id = entities[position].canonical?.id {
                    result.insertIfAbsent(WordSet.hash(id), firstOf(position))
                }
            }
        }
        return result
    }()
    private lazy var placesByName: HashIndex = names(of: .location)
    private lazy var organizationsByName: HashIndex = names(of: .organization)
    private lazy var organizationsByCity: HashIndex = {
        let infos = index.entities
        var result = HashIndex(capacity: infos.count)
        for position in infos.indices where infos[position].label == .organization {
            let range = infos[position].range
            var space = range.start
            while space < range.end, index.bytes[space] != UInt8(ascii: " ") { space += 1 }
            guard space < range.end else { continue }
            result.insertIfAbsent(WordSet.hash(index.bytes, range.start, space), firstOf(position))
        }
        return result
    }()

    /// Indexes a document's entities; `firstOf` maps a mention to the first full-form mention.
    init(index: MentionIndex, firstOf: @escaping (Int) -> Int) {
        self.index = index
        self.firstOf = firstOf
    }

    private func names(of label: EntityLabel) -> HashIndex {
        let infos = index.entities
        var result = HashIndex(capacity: infos.count * 2)
        index.documentEntities.withUnsafeBufferPointer { entities in
            for position in infos.indices where infos[position].label == label {
                let subtype = infos[position].subtype
                if label == .location, subtype != .country, subtype != .region, entities[position].canonical?.id == nil { continue }
                let range = infos[position].range
                let first = RelationResources.normalizedHash(index.bytes, range.start, range.end)
                result.insertIfAbsent(first, firstOf(position))
                if let canonical = entities[position].canonical?.name, !Self.equal(canonical, range, index.bytes) {
                    result.insertIfAbsent(RelationResources.normalizedHash(canonical), firstOf(position))
                }
            }
        }
        return result
    }

    /// True when `text` is exactly the bytes of `range`.
    static func equal(_ text: String, _ range: TextRange, _ bytes: [UInt8]) -> Bool {
        guard text.utf8.count == range.length, range.start >= 0, range.end <= bytes.count else { return false }
        if let equal = text.utf8.withContiguousStorageIfAvailable({ text in
            bytes.withUnsafeBufferPointer { bytes in
                guard let textBase = text.baseAddress, let base = bytes.baseAddress else { return text.isEmpty }
                return memcmp(textBase, base + range.start, text.count) == 0
            }
        }) {
            return equal
        }
        var offset = range.start
        for byte in text.utf8 {
            if bytes[offset] != byte { return false }
            offset += 1
        }
        return true
    }

    /// The first mention of a country, by ID hash or else by one of its names (normalised-name hashes).
    func country(_ id: UInt64, names: [UInt64]) -> Int? {
        if let found = countriesByID[id] { return found }
        var best: Int?
        for name in names {
            if let found = placesByName[name], best.map({ found < $0 }) ?? true { best = found }
        }
        return best
    }

    /// The first mention of an organisation by normalised-name hash.
    func organization(named name: UInt64) -> Int? { organizationsByName[name] }

    /// The first organisation whose name starts with this place name (bytes hash) and a space.
    func organizationStarting(with place: UInt64) -> Int? { organizationsByCity[place] }
}
