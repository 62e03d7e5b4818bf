import GazetteCore

/// Options for writing documents.
public struct OutputOptions: Sendable {
    /// Layers to write (in this order); `warnings` is always written.
    public var layers: [Layer]
    /// Whether to write the `tokens` layer (large; off by default).
    public var includeTokens: Bool

    public init(layers: [Layer], includeTokens: Bool = false) {
        self.layers = layers
        self.includeTokens = includeTokens
    }
}

/// A document that could not be annotated: written as `{"id": ..., "error": {...}}`.
public struct DocumentFailure: Error, Sendable, Hashable {
    public var id: String
    public var code: DiagnosticCode
    public var message: String
    public var source: SourceLocation?

    public init(id: String, code: DiagnosticCode, message: String, source: SourceLocation?) {
        self.id = id
        self.code = code
        self.message = message
        self.source = source
    }
}

/// Writes documents as one compact JSON object per line, offsets in Unicode code points.
///
/// Key order: `id`, passthrough input fields (in input order), `text`, then the layers
/// (`sentences`, `tokens`, `entities`, `quantities`, `relations`) and `warnings`.
/// Passthrough fields named like an output key are dropped: the pipeline's layers replace them.
public struct DocumentEncoder: Sendable {
    public let options: OutputOptions

    /// Output keys that input fields may not override.
    public static let reservedKeys: Set<String> = [
        "id", "text", "sentences", "tokens", "entities", "quantities", "relations", "warnings", "error",
    ]

    public init(options: OutputOptions) { self.options = options }

    /// Appends one document as a JSON line (with the final newline).
    public func encode(_ document: Document, into writer: inout JSONWriter) {
        document.withUTF8 { bytes in
            let map = OffsetMap(bytes)
            let context = Context(bytes: bytes, map: map)
            writer.raw(UInt8(ascii: "{"))
            writer.key("id")
            writer.string(document.id)
            for field in document.fields where !Self.reservedKeys.contains(field.name) {
                writer.raw(UInt8(ascii: ","))
                writer.key(field.name)
                writer.raw(field.rawJSON)
            }
            writer.raw(UInt8(ascii: ","))
            writer.key("text")
            writer.string(bytes: bytes)
            for layer in options.layers {
                switch layer {
                case .sentences: context.sentences(document.sentences, &writer)
                case .tokens: if options.includeTokens { context.tokens(document.tokens, &writer) }
                case .entities: context.entities(document.entities, &writer)
                case .quantities: context.quantities(document.quantities, &writer)
                case .relations: context.relations(document.relations, &writer)
                }
            }
            context.warnings(document.warnings, &writer)
            writer.raw("}\n")
        }
    }

    /// Appends an error record as a JSON line.
    public static func encode(_ failure: DocumentFailure, into writer: inout JSONWriter) {
        writer.raw(UInt8(ascii: "{"))
        writer.key("id")
        writer.string(failure.id)
        writer.raw(UInt8(ascii: ","))
        writer.key("error")
        writer.raw(UInt8(ascii: "{"))
        writer.key("code")
        writer.string(failure.code.rawValue)
        writer.raw(UInt8(ascii: ","))
        writer.key("message")
        writer.string(failure.message)
        if let source = failure.source {
            writer.raw(UInt8(ascii: ","))
            writer.key("source")
            writer.string(source.description)
        }
        writer.raw("}}\n")
    }

    /// Writing state for one document.
    struct Context {
        let bytes: UnsafeBufferPointer<UInt8>
        let map: OffsetMap

        func span(_ range: TextRange, _ writer: inout JSONWriter, text: Bool = true) {
            writer.key("start")
            writer.integer(map.codePoint(range.start))
            writer.raw(UInt8(ascii: ","))
            writer.key("end")
            writer.integer(map.codePoint(range.end))
            if text {
                writer.raw(UInt8(ascii: ","))
                writer.key("text")
                let lower = max(0, min(range.start, bytes.count))
                let upper = max(lower, min(range.end, bytes.count))
                writer.string(bytes: UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
            }
        }

        func source(_ provenance: Provenance, _ writer: inout JSONWriter) {
            writer.raw(UInt8(ascii: ","))
            writer.key("source")
            writer.raw(UInt8(ascii: "{"))
            writer.key("stage")
            writer.string(provenance.stage)
            writer.raw(UInt8(ascii: ","))
            writer.key("rule")
            writer.string(provenance.rule)
            if let lexicon = provenance.lexicon {
                writer.raw(UInt8(ascii: ","))
                writer.key("lexicon")
                writer.string(lexicon)
            }
            writer.raw(UInt8(ascii: "}"))
        }

        func optionalString(_ key: StaticString, _ value: String?, _ writer: inout JSONWriter) {
            guard let value else { return }
            writer.raw(UInt8(ascii: ","))
            writer.key(key)
            writer.string(value)
        }

        func sentences(_ sentences: [Sentence], _ writer: inout JSONWriter) {
            writer.raw(",\"sentences\":[")
            for (index, sentence) in sentences.enumerated() {
                if index > 0 { writer.raw(UInt8(ascii: ",")) }
                writer.raw(UInt8(ascii: "{"))
                span(sentence.range, &writer, text: false)
                writer.raw(UInt8(ascii: "}"))
            }
            writer.raw(UInt8(ascii: "]"))
        }

        func tokens(_ tokens: [Token], _ writer: inout JSONWriter) {
            writer.raw(",\"tokens\":[")
            for (index, token) in tokens.enumerated() {
                if index > 0 { writer.raw(UInt8(ascii: ",")) }
                writer.raw(UInt8(ascii: "{"))
                span(token.range, &writer)
                writer.raw(",\"kind\":")
                writer.string(token.kind.rawValue)
                writer.raw(",\"shape\":")
                writer.string(Document.shape(of: token.range, in: bytes))
                writer.raw(",\"sentence\":")
                writer.integer(token.sentence)
                if token.isSentenceInitial { writer.raw(",\"sentence_initial\":true") }
                if !token.spaceBefore { writer.raw(",\"space_before\":false") }
                writer.raw(UInt8(ascii: "}"))
            }
            writer.raw(UInt8(ascii: "]"))
        }

        func entities(_ entities: [Entity], _ writer: inout JSONWriter) {
            writer.raw(",\"entities\":[")
            for (index, entity) in entities.enumerated() {
                if index > 0 { writer.raw(UInt8(ascii: ",")) }
                writer.raw("{\"id\":\"e")
                writer.integer(index + 1)
                writer.raw("\",")
                span(entity.range, &writer)
                writer.raw(",\"label\":")
                writer.string(entity.label.rawValue)
                optionalString("subtype", entity.subtype, &writer)
                if let canonical = entity.canonical {
                    writer.raw(",\"canonical\":{\"name\":")
                    writer.string(canonical.name)
                    optionalString("id", canonical.id, &writer)
                    writer.raw(UInt8(ascii: "}"))
                }
                if !entity.features.isEmpty {
                    writer.raw(",\"features\":{")
                    // keys are unique: sorting the pairs by key orders them as sorting the keys
                    var first = true
                    for (key, value) in entity.features.sorted(by: { $0.key < $1.key }) {
                        if !first { writer.raw(UInt8(ascii: ",")) }
                        first = false
                        writer.key(key)
                        writer.string(value)
                    }
                    writer.raw(UInt8(ascii: "}"))
                }
                source(entity.source, &writer)
                writer.raw(UInt8(ascii: "}"))
            }
            writer.raw(UInt8(ascii: "]"))
        }

        func quantities(_ quantities: [Quantity], _ writer: inout JSONWriter) {
            writer.raw(",\"quantities\":[")
            for (index, quantity) in quantities.enumerated() {
                if index > 0 { writer.raw(UInt8(ascii: ",")) }
                writer.raw("{\"id\":\"q")
                writer.integer(index + 1)
                writer.raw("\",")
                span(quantity.range, &writer)
                writer.raw(",\"kind\":")
                writer.string(quantity.kind.rawValue)
                optionalString("value", quantity.value, &writer)
                optionalString("unit", quantity.unit, &writer)
                optionalString("dimension", quantity.dimension, &writer)
                if let siValue = quantity.siValue, let siUnit = quantity.siUnit {
                    writer.raw(",\"si\":{\"value\":")
                    writer.string(siValue)
                    writer.raw(",\"unit\":")
                    writer.string(siUnit)
                    writer.raw(UInt8(ascii: "}"))
                }
                if let bound = quantity.bound {
                    writer.raw(",\"bound\":{")
                    var first = true
                    func separator(_ writer: inout JSONWriter) {
                        if !first { writer.raw(UInt8(ascii: ",")) }
                        first = false
                    }
                    if let min = bound.min { separator(&writer); writer.key("min"); writer.string(min) }
                    if let max = bound.max { separator(&writer); writer.key("max"); writer.string(max) }
                    if let inclusive = bound.inclusive { separator(&writer); writer.key("inclusive"); writer.boolean(inclusive) }
                    if let approximate = bound.approximate {
                        separator(&writer); writer.key("approximate"); writer.boolean(approximate)
                    }
                    writer.raw(UInt8(ascii: "}"))
                }
                if let counted = quantity.counted {
                    writer.raw(",\"counted\":{")
                    span(counted.range, &writer)
                    writer.raw(",\"lemma\":")
                    writer.string(counted.lemma)
                    writer.raw(UInt8(ascii: "}"))
                }
                source(quantity.source, &writer)
                writer.raw(UInt8(ascii: "}"))
            }
            writer.raw(UInt8(ascii: "]"))
        }

        func relations(_ relations: [Relation], _ writer: inout JSONWriter) {
            writer.raw(",\"relations\":[")
            for (index, relation) in relations.enumerated() {
                if index > 0 { writer.raw(UInt8(ascii: ",")) }
                writer.raw("{\"id\":\"r")
                writer.integer(index + 1)
                writer.raw("\",\"type\":")
                writer.string(relation.type)
                optionalString("kind", relation.kind, &writer)
                writer.raw(",\"args\":{")
                for (position, argument) in relation.arguments.enumerated() {
                    if position > 0 { writer.raw(UInt8(ascii: ",")) }
                    writer.key(argument.role)
                    switch argument.reference {
                    case let .entity(entity):
                        writer.raw("\"e")
                        writer.integer(entity + 1)
                    case let .quantity(quantity):
                        writer.raw("\"q")
                        writer.integer(quantity + 1)
                    }
                    writer.raw(UInt8(ascii: "\""))
                }
                writer.raw(UInt8(ascii: "}"))
                if let trigger = relation.trigger {
                    writer.raw(",\"trigger\":{")
                    span(trigger.range, &writer)
                    writer.raw(",\"lemma\":")
                    writer.string(trigger.lemma)
                    writer.raw(UInt8(ascii: "}"))
                }
                if let evidence = relation.evidence {
                    writer.raw(",\"evidence\":{")
                    span(evidence, &writer, text: false)
                    writer.raw(UInt8(ascii: "}"))
                }
                if let sentence = relation.sentence {
                    writer.raw(",\"sentence\":")
                    writer.integer(sentence)
                }
                source(relation.source, &writer)
                writer.raw(UInt8(ascii: "}"))
            }
            writer.raw(UInt8(ascii: "]"))
        }

        func warnings(_ warnings: [Diagnostic], _ writer: inout JSONWriter) {
            writer.raw(",\"warnings\":[")
            for (index, warning) in warnings.enumerated() {
                if index > 0 { writer.raw(UInt8(ascii: ",")) }
                writer.raw("{\"code\":")
                writer.string(warning.code.rawValue)
                writer.raw(",\"message\":")
                writer.string(warning.message)
                if let range = warning.range {
                    writer.raw(UInt8(ascii: ","))
                    span(range, &writer, text: false)
                }
                writer.raw(UInt8(ascii: "}"))
            }
            writer.raw(UInt8(ascii: "]"))
        }
    }
}
