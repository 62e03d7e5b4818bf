import GazetteCore

/// The first mentions a metonym can stand for, looked up by country ID or name, organisation
/// name, or an organisation's first word ("Denver" → "Denver Nuggets"); each lookup returns the
/// first full-form mention. Name tables are built on first use (most documents need only IDs).
final class MetonymTargets {
    private let entities: [Entity]
    private let surfaces: [String]
    private let firstOf: (Int) -> Int
    private var countriesByID: [String: Int] = [:]
    private lazy var placesByName: [UInt64: Int] = names(of: .location)
    private lazy var organizationsByName: [UInt64: Int] = names(of: .organization)
    private lazy var organizationsByCity: [UInt64: Int] = {
        var result: [UInt64: Int] = [:]
        for (position, entity) in entities.enumerated() where entity.label == .organization {
            let surface = surfaces[position]
            guard let space = surface.utf8.firstIndex(of: UInt8(ascii: " ")) else { continue }
            let head = WordSet.hash(String(surface[..<space]))
            if result[head] == nil { result[head] = firstOf(position) }
        }
        return result
    }()

    /// Indexes a document's entities; `firstOf` maps a mention to the first full-form mention.
    init(entities: [Entity], surfaces: [String], firstOf: @escaping (Int) -> Int) {
        self.entities = entities
        self.surfaces = surfaces
        self.firstOf = firstOf
        for (position, entity) in entities.enumerated() where entity.label == .location {
            if let id = entity.canonical?.id, countriesByID[id] == nil { countriesByID[id] = firstOf(position) }
        }
    }

    private func names(of label: EntityLabel) -> [UInt64: Int] {
        var result: [UInt64: Int] = [:]
        for (position, entity) in entities.enumerated() where entity.label == label {
            if label == .location, entity.subtype != "country", entity.subtype != "region", entity.canonical?.id == nil { continue }
            for key in Self.keys(surfaces[position], entity.canonical?.name) where result[key] == nil {
                result[key] = firstOf(position)
            }
        }
        return result
    }

    /// The normalised surface and canonical name (once when they are the same).
    private static func keys(_ surface: String, _ canonical: String?) -> [UInt64] {
        let first = WordSet.hash(RelationResources.normalizedName(surface))
        guard let canonical, canonical != surface else { return [first] }
        let second = WordSet.hash(RelationResources.normalizedName(canonical))
        return second == first ? [first] : [first, second]
    }

    /// The first mention of a country, by ID or else by one of its names.
    func country(_ id: String, names: Set<String>) -> Int? {
        if let found = countriesByID[id] { return found }
        var best: Int?
        for name in names {
            if let found = placesByName[WordSet.hash(name)], best.map({ found < $0 }) ?? true { best = found }
        }
        return best
    }

    /// The first mention of an organisation by normalised name.
    func organization(named name: String) -> Int? { organizationsByName[WordSet.hash(name)] }

    /// The first organisation whose name starts with this place name and a space.
    func organizationStarting(with place: String) -> Int? { organizationsByCity[WordSet.hash(place)] }
}
