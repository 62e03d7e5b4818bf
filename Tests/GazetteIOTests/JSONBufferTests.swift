import GazetteCore
import Testing

@testable import GazetteIO

/// The encoder's pointer-based buffer must write exactly what `JSONWriter` writes.
@Suite("JSON buffer")
struct JSONBufferTests {
    /// What the buffer writes for `body`, starting from a tiny capacity so it grows.
    static func written(_ body: (inout JSONBuffer) -> Void) -> [UInt8] {
        var buffer = JSONBuffer(capacity: 1)
        defer { buffer.deallocate() }
        body(&buffer)
        return Array(buffer.written)
    }

    static func writer(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        body(&writer)
        return writer.bytes
    }

    @Test("strings are escaped as JSONWriter escapes them, at every offset and length")
    func stringsMatchWriter() {
        let alphabet: [UInt8] = Array("aZ 9é\"\\\n\r\t\u{8}\u{C}\u{1}\u{1F}\u{7F}~".utf8)
        var generator = SystemRandomNumberGenerator()
        var samples: [[UInt8]] = [[], Array("plain".utf8), Array("exactly8".utf8)]
        for length in 0..<40 {
            for _ in 0..<8 {
                samples.append((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            }
        }
        // longer than one escaping chunk (4096 bytes), with specials around the boundaries
        var long = Array(repeating: UInt8(ascii: "x"), count: 9000)
        for position in [0, 7, 4095, 4096, 4097, 8191, 8192, 8999] { long[position] = 0x01 }
        samples.append(long)
        samples.append(Array(repeating: 0x1F, count: 5000))
        for sample in samples {
            let expected = Self.writer { writer in sample.withUnsafeBufferPointer { writer.string(bytes: $0) } }
            let actual = Self.written { buffer in sample.withUnsafeBufferPointer { buffer.string(bytes: $0) } }
            #expect(actual == expected)
        }
        for text in ["", "short", "a string longer than fifteen bytes \"quoted\"", "Kyïv’s “army” \u{1}"] {
            #expect(Self.written { $0.string(text) } == Self.writer { $0.string(text) })
            #expect(Self.written { $0.dynamicKey(text) } == Self.writer { $0.key(text) })
        }
    }

    @Test("integers match JSONWriter", arguments: [0, 7, 9, 10, 42, 99, 100, 305, 999, 1000, 4096, 9999, 10_000, 1_234_567, -1, -9, -10, -305, -4096, Int.max, Int.min])
    func integers(value: Int) {
        #expect(Self.written { $0.integer(value) } == Self.writer { $0.integer(value) })
    }

    @Test("raw bytes, booleans and growth past the first capacity")
    func rawAndGrowth() {
        let bytes = Self.written { buffer in
            for index in 0..<1000 {
                buffer.raw("{\"k\":")
                buffer.boolean(index % 2 == 0)
                buffer.byte(UInt8(ascii: "}"))
                buffer.raw([0x2C])
            }
        }
        var expected: [UInt8] = []
        for index in 0..<1000 { expected += Array("{\"k\":\(index % 2 == 0)},".utf8) }
        #expect(bytes == expected)
    }
}

@Suite("Document encoder layers")
struct DocumentEncoderLayerTests {
    @Test("features are sorted by key; quantities and relations are written in full")
    func layers() {
        var document = Document(id: "d\"2", text: "Kyïv paid $5 to Paris")
        document.sentences = [Sentence(range: TextRange(0, document.byteCount))]
        let source = Provenance(stage: "s", rule: "r")
        document.entities = [
            Entity(range: TextRange(0, 5), label: .location, source: source,
                   features: ["zeta": "1", "alpha": "2", "mid": "3"]),
            Entity(range: TextRange(17, 22), label: .location, source: source, features: ["only": "x"]),
        ]
        document.quantities = [
            Quantity(range: TextRange(11, 13), kind: .money, value: "5", unit: "USD",
                     bound: QuantityBound(min: "5", inclusive: true), source: source)
        ]
        document.relations = [
            Relation(type: "paid", arguments: [(role: "payer", reference: .entity(0)), (role: "amount", reference: .quantity(0))],
                     evidence: TextRange(0, 22), sentence: 0, source: source)
        ]
        var writer = JSONWriter()
        DocumentEncoder(options: OutputOptions(layers: [.entities, .quantities, .relations])).encode(document, into: &writer)
        let line = String(decoding: writer.bytes, as: UTF8.self)
        #expect(
            line
                == #"{"id":"d\"2","text":"Kyïv paid $5 to Paris","entities":[{"id":"e1","start":0,"end":4,"text":"Kyïv","label":"LOCATION","features":{"alpha":"2","mid":"3","zeta":"1"},"source":{"stage":"s","rule":"r"}},{"id":"e2","start":16,"end":21,"text":"Paris","label":"LOCATION","features":{"only":"x"},"source":{"stage":"s","rule":"r"}}],"quantities":[{"id":"q1","start":10,"end":12,"text":"$5","kind":"money","value":"5","unit":"USD","bound":{"min":"5","inclusive":true},"source":{"stage":"s","rule":"r"}}],"relations":[{"id":"r1","type":"paid","args":{"payer":"e1","amount":"q1"},"evidence":{"start":0,"end":21},"sentence":0,"source":{"stage":"s","rule":"r"}}],"warnings":[]}"#
                + "\n")
    }

    @Test("a line longer than the size estimate is written whole, into a fresh writer as into a used one")
    func lineLongerThanEstimate() {
        // Control characters escape to six bytes each: far more than the estimate allows.
        let text = String(repeating: "\u{1}\"a\\\n", count: 3000)
        var document = Document(id: "long", text: text)
        document.sentences = [Sentence(range: TextRange(0, text.utf8.count), tokens: 0..<0)]
        let encoder = DocumentEncoder(options: OutputOptions(layers: [.sentences]))
        var fresh = JSONWriter()
        encoder.encode(document, into: &fresh)
        var used = JSONWriter()
        used.raw(UInt8(ascii: "x"))
        encoder.encode(document, into: &used)
        #expect(Array(used.bytes.dropFirst()) == fresh.bytes)
        var expected = JSONWriter()
        expected.raw("{\"id\":\"long\",\"text\":")
        expected.string(text)
        expected.raw(",\"sentences\":[{\"start\":0,\"end\":\(text.unicodeScalars.count)}],\"warnings\":[]}\n".utf8)
        #expect(fresh.bytes == expected.bytes)
    }

    @Test("a buffer over given storage moves to its own memory when the storage is full")
    func externalStorageSpills() {
        for size in [1, 8, 40] {
            var storage = [UInt8](repeating: 0, count: size)
            storage.withUnsafeMutableBufferPointer { storage in
                var buffer = JSONBuffer(external: storage)
                defer { buffer.deallocate() }
                buffer.string("a string longer than the storage, with \"quotes\"")
                buffer.integer(123_456)
                var writer = JSONWriter()
                writer.string("a string longer than the storage, with \"quotes\"")
                writer.integer(123_456)
                #expect(Array(buffer.written) == writer.bytes)
                #expect(buffer.ownsStorage)
            }
        }
    }
}

@Suite("Offset map, word at a time")
struct OffsetMapWordTests {
    @Test("code points match a byte-by-byte count at every offset")
    func matchesNaiveCount() {
        let pieces = ["a", "é", "€", "😀", " ", "Kyïv", "中文", "x"]
        var generator = SystemRandomNumberGenerator()
        for length in [1, 7, 8, 63, 64, 65, 130, 300] {
            var text = ""
            while text.utf8.count < length { text += pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
            text += "é"
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let map = OffsetMap(buffer)
                var expected = 0
                for offset in 0...bytes.count {
                    #expect(map.codePoint(offset) == expected)
                    if offset < bytes.count, bytes[offset] & 0xC0 != 0x80 { expected += 1 }
                }
                #expect(map.codePoint(-5) == 0)
                #expect(map.codePoint(bytes.count + 9) == text.unicodeScalars.count)
            }
        }
    }
}

@Suite("Spelled-out enum values")
struct SpelledOutValueTests {
    static func text(_ value: StaticString) -> String {
        value.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    }

    @Test("each label and quantity kind is written as its raw value")
    func matchRawValues() {
        for label in EntityLabel.allCases {
            #expect(Self.text(DocumentEncoder.Context.labelJSON(label)) == #","label":""# + label.rawValue + "\"")
        }
        for kind in QuantityKind.allCases {
            #expect(Self.text(DocumentEncoder.Context.kindJSON(kind)) == #","kind":""# + kind.rawValue + "\"")
        }
    }
}
