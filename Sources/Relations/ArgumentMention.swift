import GazetteCore

/// Entity labels (and "quantity") as bits, so a rule tests several labels with one AND.
struct LabelSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let person = LabelSet(rawValue: 1 << 0)
    static let location = LabelSet(rawValue: 1 << 1)
    static let organization = LabelSet(rawValue: 1 << 2)
    static let nationality = LabelSet(rawValue: 1 << 3)
    static let title = LabelSet(rawValue: 1 << 4)
    static let quantity = LabelSet(rawValue: 1 << 5)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ label: EntityLabel) {
        switch label {
        case .person: self = .person
        case .location: self = .location
        case .organization: self = .organization
        case .nationality: self = .nationality
        case .title: self = .title
        }
    }
}

/// The entity subtypes and quantity kinds the rules test, as one small code.
enum MentionSubtype: UInt8, Sendable {
    case none, other
    case country, city, region, continent, worldRegion
    case government, media, politicalParty, military, armedGroup, political
    case honorific, royal, religious
    case cardinal, percent

    init(entity subtype: String?) {
        self = Self.code(entity: subtype)
    }

    /// `init(entity:)` as a static function, whose parameter is borrowed (an initializer's is
    /// owned, so a call retained and released each entity's subtype string).
    static func code(entity subtype: String?) -> MentionSubtype {
        guard let subtype else { return .none }
        // Only the names of the subtype's length are compared (most lengths have one).
        switch subtype.utf8.count {
        case 4: return subtype == "city" ? .city : .other
        case 5: return subtype == "media" ? .media : subtype == "royal" ? .royal : .other
        case 6: return subtype == "region" ? .region : .other
        case 7: return subtype == "country" ? .country : .other
        case 8: return subtype == "military" ? .military : .other
        case 9:
            switch subtype {
            case "continent": return .continent
            case "political": return .political
            case "honorific": return .honorific
            case "religious": return .religious
            default: return .other
            }
        case 10: return subtype == "government" ? .government : .other
        case 11: return subtype == "armed_group" ? .armedGroup : .other
        case 12: return subtype == "world_region" ? .worldRegion : .other
        case 15: return subtype == "political_party" ? .politicalParty : .other
        default: return .other
        }
    }

    init(quantity kind: QuantityKind) {
        switch kind {
        case .cardinal: self = .cardinal
        case .percent: self = .percent
        default: self = .other
        }
    }
}

/// One entity's label, subtype and range, and its mention: what the rules read of an entity
/// (plain values, so reading one copies no strings).
struct EntityInfo: Sendable {
    var range: TextRange
    var label: EntityLabel
    var subtype: MentionSubtype
    /// Index into `MentionIndex.mentions` (-1: none).
    var mention: Int32
}

/// One entity or quantity as the relation rules see it: its reference, range and token span
/// (plain values only, so copies cost nothing).
struct ArgumentMention: Sendable {
    /// The annotation it is (`.entity(i)` or `.quantity(i)`).
    var reference: AnnotationReference
    /// Its text range (UTF-8 bytes).
    var range: TextRange
    /// Entity label, or `.quantity`.
    var kind: LabelSet
    /// Entity subtype or quantity kind.
    var subtype: MentionSubtype
    /// First and last token (inclusive).
    var firstToken: Int
    var lastToken: Int
    /// Sentence index.
    var sentence: Int

    /// True for an entity with one of `labels`.
    @inline(__always)
    func isEntity(_ labels: LabelSet) -> Bool { kind.rawValue & labels.rawValue != 0 }

    /// True for a quantity.
    var isQuantity: Bool { kind == .quantity }

    /// True for an entity (any label).
    var isEntity: Bool { kind != .quantity }
}
