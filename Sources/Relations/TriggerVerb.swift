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
