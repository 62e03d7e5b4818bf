import Foundation

/// What a metonymic place stands for.
public enum MetonymReferent: Hashable, Sendable {
    /// A country, by ID ("iso3166:RU").
    case country(String)
    /// An organisation, by canonical name (normalised).
    case organization(String)

    /// Parses "iso3166:XX" or "org:Name".
    public init?(_ text: String) {
        let value = Self.hasNoEdgeWhitespace(text) ? text : text.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("iso3166:") {
            self = .country(value)
        } else if value.hasPrefix("org:") {
            self = .organization(RelationResources.normalizedName(String(value.dropFirst(4))))
        } else {
            return nil
        }
    }

    /// True when the text starts and ends with an ASCII byte that is not a space or tab, so
    /// trimming whitespace would leave it as it is (checked without Foundation).
    private static func hasNoEdgeWhitespace(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        return first < 0x80 && last < 0x80 && first > 0x20 && last > 0x20
    }
}
