/// A verb that triggers an event frame.
public struct TriggerVerb: Hashable, Sendable {
    /// Relation type ("deploy", "attack", "ally", "meet").
    public var type: String
    /// Lemma written in the trigger ("send", "hold talks").
    public var lemma: String
    /// Preposition that introduces the target, when the object is not the target ("at" for launch).
    public var objectPreposition: String?

    /// Creates a trigger verb.
    public init(type: String, lemma: String, objectPreposition: String? = nil) {
        self.type = type
        self.lemma = lemma
        self.objectPreposition = objectPreposition
    }
}

/// A trigger surface resolved at load time: its verb and the form its first word takes.
struct TriggerEntry: Sendable {
    /// Which inflection the first word of the surface is, relative to the lemma's first word.
    enum Form: UInt8, Sendable {
        /// Base or -s form ("send", "sends"): a verb only after its subject or an auxiliary.
        case base
        /// An -ing form ("sending"): a verb only after a form of "be".
        case progressive
        /// Any other form ("sent"): always a verb candidate.
        case other
    }

    var verb: TriggerVerb
    var form: Form
    /// The word ID of `verb.objectPreposition` (0: none).
    var objectPreposition: Vocabulary.ID = 0

    /// The form of `surface` (a trigger's first word) for the verb `lemma`.
    static func form(of surface: String, lemma: String) -> Form {
        let head = lemma.split(separator: " ").first.map(String.init) ?? lemma
        if surface == head || surface == head + "s" || surface == head + "es" || surface == head.dropLast() + "ies" {
            return .base
        }
        if surface.hasSuffix("ing"), surface != head { return .progressive }
        return .other
    }
}
