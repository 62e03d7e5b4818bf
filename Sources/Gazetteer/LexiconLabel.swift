import GazetteCore

/// The label a lexicon list gives its entries: one of the entity labels of the output contract
/// (PERSON, LOCATION, ORGANIZATION, NATIONALITY, TITLE) or an auxiliary label used by rules
/// (GIVEN_NAME, SURNAME, NAME_PARTICLE, NAME_SUFFIX, ORG_SUFFIX, ORG_KEYWORD, LOC_KEYWORD,
/// DIRECTION, HONORIFIC, ...).
///
/// Any upper-case identifier (`[A-Z][A-Z0-9_]*`) is accepted, so new auxiliary lists need no
/// code change.
public struct LexiconLabel: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    /// Creates a label; use `validated(_:)` for text read from a file.
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The label for `text` if it is an upper-case identifier, else nil.
    public static func validated(_ text: some StringProtocol) -> LexiconLabel? {
        guard let first = text.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return nil }
        for byte in text.utf8 {
            let upper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard upper || digit || byte == UInt8(ascii: "_") else { return nil }
        }
        return LexiconLabel(rawValue: String(text))
    }

    /// The output entity label this lexicon label stands for, or nil for auxiliary labels.
    public var entityLabel: EntityLabel? { EntityLabel(rawValue: rawValue) }

    public var description: String { rawValue }

    public static func < (lhs: LexiconLabel, rhs: LexiconLabel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A lexicon label as a one-byte code, for rules that test labels at every candidate: the
/// built-in labels, or `other` for a user's own auxiliary label.
public enum LexiconLabelCode: UInt8, Sendable, Hashable {
    case person, location, organization, nationality, title
    case givenName, surname, nameParticle, nameSuffix, orgSuffix, orgKeyword, locKeyword, direction, honorific, commonAcronym
    case other

    /// True for the five entity labels of the output contract.
    public var isEntity: Bool { rawValue <= LexiconLabelCode.title.rawValue }
}

extension LexiconLabel {
    /// The label's code (`other` for labels without one).
    public var code: LexiconLabelCode {
        switch self {
        case .person: .person
        case .location: .location
        case .organization: .organization
        case .nationality: .nationality
        case .title: .title
        case .givenName: .givenName
        case .surname: .surname
        case .nameParticle: .nameParticle
        case .nameSuffix: .nameSuffix
        case .orgSuffix: .orgSuffix
        case .orgKeyword: .orgKeyword
        case .locKeyword: .locKeyword
        case .direction: .direction
        case .honorific: .honorific
        case .commonAcronym: .commonAcronym
        default: .other
        }
    }
}

extension LexiconLabel {
    public static let person: LexiconLabel = "PERSON"
    public static let location: LexiconLabel = "LOCATION"
    public static let organization: LexiconLabel = "ORGANIZATION"
    public static let nationality: LexiconLabel = "NATIONALITY"
    public static let title: LexiconLabel = "TITLE"
    public static let givenName: LexiconLabel = "GIVEN_NAME"
    public static let surname: LexiconLabel = "SURNAME"
    public static let nameParticle: LexiconLabel = "NAME_PARTICLE"
    public static let nameSuffix: LexiconLabel = "NAME_SUFFIX"
    public static let orgSuffix: LexiconLabel = "ORG_SUFFIX"
    public static let orgKeyword: LexiconLabel = "ORG_KEYWORD"
    public static let locKeyword: LexiconLabel = "LOC_KEYWORD"
    public static let direction: LexiconLabel = "DIRECTION"
    public static let honorific: LexiconLabel = "HONORIFIC"
    /// All-capital abbreviations that do not name organisations ("IED", "GDP", "CEO").
    public static let commonAcronym: LexiconLabel = "COMMON_ACRONYM"

    /// The five entity labels, as lexicon labels.
    public static let entityLabels: Set<LexiconLabel> = Set(EntityLabel.allCases.map { LexiconLabel(rawValue: $0.rawValue) })
}
