import Foundation

/// What a metonymic place stands for.
public enum MetonymReferent: Hashable, Sendable {
    /// A country, by ID ("iso3166:RU").
    case country(String)
    /// An organisation, by canonical name (normalised).
    case organization(String)

    /// Parses "iso3166:XX" or "org:Name".
    public init?(_ text: String) {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("iso3166:") {
            self = .country(value)
        } else if value.hasPrefix("org:") {
            self = .organization(RelationResources.normalizedName(String(value.dropFirst(4))))
        } else {
            return nil
        }
    }
}
