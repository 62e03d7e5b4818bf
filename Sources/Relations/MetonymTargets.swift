import GazetteCore

/// The first mentions a metonym can stand for, looked up by country ID or name, organisation
/// name, or an organisation's first word ("Denver" → "Denver Nuggets"); each lookup returns the
/// first full-form mention.
struct MetonymTargets {
    private var countriesByID: [String: Int] = [:]
    private var placesByName: [String: Int] = [:]
    private var organizationsByName: [String: Int] = [:]
    private var organizationsByCity: [String: Int] = [:]

    /// Indexes an entity; `firstOf` is the first full-form mention of what it names.
    mutating func add(_ position: Int, _ entity: Entity, surface: String, firstOf: Int) {
        switch entity.label {
        case .location:
            if let id = entity.canonical?.id, countriesByID[id] == nil { countriesByID[id] = firstOf }
            for name in [surface, entity.canonical?.name ?? ""] where !name.isEmpty {
                let key = RelationResources.normalizedName(name)
                if placesByName[key] == nil { placesByName[key] = firstOf }
            }
        case .organization:
            for name in [surface, entity.canonical?.name ?? ""] where !name.isEmpty {
                let key = RelationResources.normalizedName(name)
                if organizationsByName[key] == nil { organizationsByName[key] = firstOf }
            }
            if let space = surface.firstIndex(of: " ") {
                let head = String(surface[..<space])
                if organizationsByCity[head] == nil { organizationsByCity[head] = firstOf }
            }
        default:
            break
        }
    }

    /// The first mention of a country, by ID or by one of its names.
    func country(_ id: String, names: Set<String>) -> Int? {
        var best = countriesByID[id]
        for name in names {
            if let found = placesByName[name], best.map({ found < $0 }) ?? true { best = found }
        }
        return best
    }

    /// The first mention of an organisation by normalised name.
    func organization(named name: String) -> Int? { organizationsByName[name] }

    /// The first organisation whose name starts with this place name and a space.
    func organizationStarting(with place: String) -> Int? { organizationsByCity[place] }
}
