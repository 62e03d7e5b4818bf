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
            let estimate = Self.estimatedSize(of: document, textBytes: bytes.count)
            if writer.bytes.isEmpty {
                // The usual case (a fresh writer per document): the line is written straight
                // into the storage of the array handed over, so it is not copied; only a line
                // longer than the estimate is written apart and copied.
                var spilled: JSONBuffer?
                writer.bytes = [UInt8](unsafeUninitializedCapacity: estimate) { storage, initialized in
                    var out = JSONBuffer(external: storage)
                    write(document, bytes, context, &out)
                    if out.ownsStorage {
                        spilled = out
                        initialized = 0
                    } else {
                        initialized = out.count
                    }
                }
                if let spilled {
                    writer.bytes = Array(spilled.written)
                    spilled.deallocate()
                }
            } else {
                var out = JSONBuffer(capacity: estimate)
                defer { out.deallocate() }
                write(document, bytes, context, &out)
                writer.bytes.reserveCapacity(writer.bytes.count + out.count)
                writer.raw(out.written)
            }
        }
    }

    /// Writes the document's line.
    private func write(_ document: Document, _ bytes: UnsafeBufferPointer<UInt8>, _ context: Context, _ out: inout JSONBuffer) {
        out.raw("{\"id\":")
        out.string(document.id)
        for field in document.fields where !Self.reservedKeys.contains(field.name) {
            out.byte(UInt8(ascii: ","))
            out.dynamicKey(field.name)
            out.raw(field.rawJSON)
        }
        out.raw(",\"text\":")
        out.string(bytes: bytes)
        for layer in options.layers {
            switch layer {
            case .sentences: context.sentences(document.sentences, &out)
            case .tokens: if options.includeTokens { context.tokens(document.tokens, &out) }
            case .entities: context.entities(document.entities, &out)
            case .quantities: context.quantities(document.quantities, &out)
            case .relations: context.relations(document.relations, &out)
            }
        }
        context.warnings(document.warnings, &out)
        out.raw("}\n")
    }

    /// A generous guess at a document's encoded size, so the buffer rarely grows.
    static func estimatedSize(of document: Document, textBytes: Int) -> Int {
        var size = 256 + textBytes + document.id.utf8.count
        for field in document.fields { size += field.name.utf8.count + field.rawJSON.count + 4 }
        size += document.sentences.count * 32 + document.entities.count * 256
        size += document.quantities.count * 288 + document.relations.count * 256
        size += document.warnings.count * 160
        return size
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

        /// Writes `"start":S,"end":E` and, when `text` is set, `,"text":"..."`.
        @inline(__always)
        func span(_ range: TextRange, _ writer: inout JSONBuffer, text: Bool = true) {
            writer.raw("\"start\":")
            writer.integer(map.codePoint(range.start))
            writer.raw(",\"end\":")
            writer.integer(map.codePoint(range.end))
            if text {
                writer.raw(",\"text\":")
                let lower = max(0, min(range.start, bytes.count))
                let upper = max(lower, min(range.end, bytes.count))
                writer.string(bytes: UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
            }
        }

        func source(_ provenance: Provenance, _ writer: inout JSONBuffer) {
            writer.raw(",\"source\":{\"stage\":")
            writer.string(provenance.stage)
            writer.raw(",\"rule\":")
            writer.string(provenance.rule)
            if let lexicon = provenance.lexicon {
                writer.raw(",\"lexicon\":")
                writer.string(lexicon)
            }
            writer.byte(UInt8(ascii: "}"))
        }

        /// Writes `prefix` (`,"key":`) and the string when `value` is set.
        @inline(__always)
        func optionalString(_ prefix: StaticString, _ value: String?, _ writer: inout JSONBuffer) {
            guard let value else { return }
            writer.raw(prefix)
            writer.string(value)
        }

        func sentences(_ sentences: [Sentence], _ writer: inout JSONBuffer) {
            writer.raw(",\"sentences\":[")
            for index in sentences.indices {
                writer.raw(index > 0 ? ",{" : "{")
                span(sentences[index].range, &writer, text: false)
                writer.byte(UInt8(ascii: "}"))
            }
            writer.byte(UInt8(ascii: "]"))
        }

        func tokens(_ tokens: [Token], _ writer: inout JSONBuffer) {
            writer.raw(",\"tokens\":[")
            for index in tokens.indices {
                let token = tokens[index]
                writer.raw(index > 0 ? ",{" : "{")
                span(token.range, &writer)
                writer.raw(",\"kind\":")
                writer.string(token.kind.rawValue)
                writer.raw(",\"shape\":")
                writer.string(Document.shape(of: token.range, in: bytes))
                writer.raw(",\"sentence\":")
                writer.integer(token.sentence)
                if token.isSentenceInitial { writer.raw(",\"sentence_initial\":true") }
                if !token.spaceBefore { writer.raw(",\"space_before\":false") }
                writer.byte(UInt8(ascii: "}"))
            }
            writer.byte(UInt8(ascii: "]"))
        }

        func entities(_ entities: [Entity], _ writer: inout JSONBuffer) {
            writer.raw(",\"entities\":[")
            entities.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for index in buffer.indices { entity(base + index, index: index, &writer) }
            }
            writer.byte(UInt8(ascii: "]"))
        }

        /// `,"label":"..."` for a label, spelled out so no string is escaped per entity (a test
        /// checks each against the label's raw value).
        static func labelJSON(_ label: EntityLabel) -> StaticString {
            switch label {
            case .person: return ",\"label\":\"PERSON\""
            case .location: return ",\"label\":\"LOCATION\""
            case .organization: return ",\"label\":\"ORGANIZATION\""
            case .nationality: return ",\"label\":\"NATIONALITY\""
            case .title: return ",\"label\":\"TITLE\""
            }
        }

        /// `,"kind":"..."` for a quantity kind (a test checks each against the raw value).
        static func kindJSON(_ kind: QuantityKind) -> StaticString {
            switch kind {
            case .cardinal: return ",\"kind\":\"cardinal\""
            case .ordinal: return ",\"kind\":\"ordinal\""
            case .percent: return ",\"kind\":\"percent\""
            case .money: return ",\"kind\":\"money\""
            case .measure: return ",\"kind\":\"measure\""
            case .fraction: return ",\"kind\":\"fraction\""
            case .date: return ",\"kind\":\"date\""
            case .year: return ",\"kind\":\"year\""
            }
        }

        /// Writes one entity, read in place (fields are loaded as needed, the struct is not
        /// copied).
        @inline(__always)
        private func entity(_ entity: UnsafePointer<Entity>, index: Int, _ writer: inout JSONBuffer) {
            writer.raw(index > 0 ? ",{\"id\":\"e" : "{\"id\":\"e")
            writer.integer(index + 1)
            writer.raw("\",")
            span(entity.pointee.range, &writer)
            writer.raw(Self.labelJSON(entity.pointee.label))
            optionalString(",\"subtype\":", entity.pointee.subtype, &writer)
            if let canonical = entity.pointee.canonical {
                writer.raw(",\"canonical\":{\"name\":")
                writer.string(canonical.name)
                optionalString(",\"id\":", canonical.id, &writer)
                writer.byte(UInt8(ascii: "}"))
            }
            if !entity.pointee.features.isEmpty {
                writer.raw(",\"features\":{")
                if entity.pointee.features.count == 1, let only = entity.pointee.features.first {
                    writer.dynamicKey(only.key)
                    writer.string(only.value)
                } else if entity.pointee.features.count == 2 {
                    var pairs = entity.pointee.features.makeIterator()
                    if let one = pairs.next(), let other = pairs.next() {
                        let (first, second) = one.key < other.key ? (one, other) : (other, one)
                        writer.dynamicKey(first.key)
                        writer.string(first.value)
                        writer.byte(UInt8(ascii: ","))
                        writer.dynamicKey(second.key)
                        writer.string(second.value)
                    }
                } else {
                    // keys are unique: sorting the pairs by key orders them as sorting the keys
                    var first = true
                    for (key, value) in entity.pointee.features.sorted(by: { $0.key < $1.key }) {
                        if !first { writer.byte(UInt8(ascii: ",")) }
                        first = false
                        writer.dynamicKey(key)
                        writer.string(value)
                    }
                }
                writer.byte(UInt8(ascii: "}"))
            }
            source(entity.pointee.source, &writer)
            writer.byte(UInt8(ascii: "}"))
        }

        func quantities(_ quantities: [Quantity], _ writer: inout JSONBuffer) {
            writer.raw(",\"quantities\":[")
            quantities.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for index in buffer.indices { quantity(base + index, index: index, &writer) }
            }
            writer.byte(UInt8(ascii: "]"))
        }

        /// Writes one quantity, read in place (the struct is not copied).
        @inline(__always)
        private func quantity(_ quantity: UnsafePointer<Quantity>, index: Int, _ writer: inout JSONBuffer) {
            writer.raw(index > 0 ? ",{\"id\":\"q" : "{\"id\":\"q")
            writer.integer(index + 1)
            writer.raw("\",")
            span(quantity.pointee.range, &writer)
            writer.raw(Self.kindJSON(quantity.pointee.kind))
            optionalString(",\"value\":", quantity.pointee.value, &writer)
            optionalString(",\"unit\":", quantity.pointee.unit, &writer)
            optionalString(",\"dimension\":", quantity.pointee.dimension, &writer)
            if let siValue = quantity.pointee.siValue, let siUnit = quantity.pointee.siUnit {
                writer.raw(",\"si\":{\"value\":")
                writer.string(siValue)
                writer.raw(",\"unit\":")
                writer.string(siUnit)
                writer.byte(UInt8(ascii: "}"))
            }
            if let bound = quantity.pointee.bound {
                writer.raw(",\"bound\":{")
                var first = true
                func separator(_ writer: inout JSONBuffer) {
                    if !first { writer.byte(UInt8(ascii: ",")) }
                    first = false
                }
                if let min = bound.min {
                    separator(&writer)
                    writer.raw("\"min\":")
                    writer.string(min)
                }
                if let max = bound.max {
                    separator(&writer)
                    writer.raw("\"max\":")
                    writer.string(max)
                }
                if let inclusive = bound.inclusive {
                    separator(&writer)
                    writer.raw("\"inclusive\":")
                    writer.boolean(inclusive)
                }
                if let approximate = bound.approximate {
                    separator(&writer)
                    writer.raw("\"approximate\":")
                    writer.boolean(approximate)
                }
                writer.byte(UInt8(ascii: "}"))
            }
            if let counted = quantity.pointee.counted {
                writer.raw(",\"counted\":{")
                span(counted.range, &writer)
                writer.raw(",\"lemma\":")
                writer.string(counted.lemma)
                writer.byte(UInt8(ascii: "}"))
            }
            source(quantity.pointee.source, &writer)
            writer.byte(UInt8(ascii: "}"))
        }

        func relations(_ relations: [Relation], _ writer: inout JSONBuffer) {
            writer.raw(",\"relations\":[")
            relations.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for index in buffer.indices { relation(base + index, index: index, &writer) }
            }
            writer.byte(UInt8(ascii: "]"))
        }

        /// Writes one relation, read in place (the struct is not copied).
        @inline(__always)
        private func relation(_ relation: UnsafePointer<Relation>, index: Int, _ writer: inout JSONBuffer) {
            writer.raw(index > 0 ? ",{\"id\":\"r" : "{\"id\":\"r")
            writer.integer(index + 1)
            writer.raw("\",\"type\":")
            writer.string(relation.pointee.type)
            optionalString(",\"kind\":", relation.pointee.kind, &writer)
            writer.raw(",\"args\":{")
            for position in relation.pointee.arguments.indices {
                let argument = relation.pointee.arguments[position]
                if position > 0 { writer.byte(UInt8(ascii: ",")) }
                writer.dynamicKey(argument.role)
                switch argument.reference {
                case let .entity(entity):
                    writer.raw("\"e")
                    writer.integer(entity + 1)
                case let .quantity(quantity):
                    writer.raw("\"q")
                    writer.integer(quantity + 1)
                }
                writer.byte(UInt8(ascii: "\""))
            }
            writer.byte(UInt8(ascii: "}"))
            if let trigger = relation.pointee.trigger {
                writer.raw(",\"trigger\":{")
                span(trigger.range, &writer)
                writer.raw(",\"lemma\":")
                writer.string(trigger.lemma)
                writer.byte(UInt8(ascii: "}"))
            }
            if let evidence = relation.pointee.evidence {
                writer.raw(",\"evidence\":{")
                span(evidence, &writer, text: false)
                writer.byte(UInt8(ascii: "}"))
            }
            if let sentence = relation.pointee.sentence {
                writer.raw(",\"sentence\":")
                writer.integer(sentence)
            }
            source(relation.pointee.source, &writer)
            writer.byte(UInt8(ascii: "}"))
        }

        func warnings(_ warnings: [Diagnostic], _ writer: inout JSONBuffer) {
            writer.raw(",\"warnings\":[")
            for index in warnings.indices {
                let warning = warnings[index]
                writer.raw(index > 0 ? ",{\"code\":" : "{\"code\":")
                writer.string(warning.code.rawValue)
                writer.raw(",\"message\":")
                writer.string(warning.message)
                if let range = warning.range {
                    writer.byte(UInt8(ascii: ","))
                    span(range, &writer, text: false)
                }
                writer.byte(UInt8(ascii: "}"))
            }
            writer.byte(UInt8(ascii: "]"))
        }
    }
}
