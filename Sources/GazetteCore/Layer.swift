/// The annotation layers of a `Document`, as named in the output. Stages declare which layers
/// they require and which they produce; `Pipeline` checks the chain once, when it is built.
public enum Layer: String, CaseIterable, Hashable, Sendable, Comparable {
    case sentences
    case tokens
    case entities
    case quantities
    case relations

    public static func < (lhs: Layer, rhs: Layer) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
