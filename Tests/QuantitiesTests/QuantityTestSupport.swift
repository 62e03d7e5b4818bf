import Foundation
import GazetteCore
import Quantities
import Testing
import Tokenization

/// The stage loaded once from the repository's `Lexicons/units`, and helpers to run it.
enum QuantityTestSupport {
    static let unitsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lexicons/units").path

    static let stage = Result { () throws(UnitTableError) -> QuantityStage in try QuantityStage(directory: unitsDirectory) }

    /// Tokenizes and annotates `text`; returns the document.
    static func annotate(_ text: String) throws -> Document {
        var document = Document(id: "test", text: text)
        try Tokenizer().process(&document)
        try stage.get().process(&document)
        return document
    }

    /// The quantity whose span text is `expected.span` in `expected.sentence` (a test issue when none).
    static func find(_ expected: Expected) throws -> Quantity {
        let found = try quantities(expected.sentence)
        let match = found.first { $0.text == expected.span }
        return try #require(match?.quantity, "no quantity “\(expected.span)”; found \(found.map(\.text))")
    }

    /// Checks the kind, value and unit of the expected quantity.
    static func check(_ expected: Expected) throws {
        let quantity = try find(expected)
        #expect(quantity.kind == expected.kind)
        #expect(quantity.value == expected.value)
        #expect(quantity.unit == expected.unit)
        #expect(quantity.source.stage == "quantities")
    }

    /// The quantities of `text` as (span text, quantity) pairs.
    static func quantities(_ text: String) throws -> [(text: String, quantity: Quantity)] {
        let document = try annotate(text)
        return document.quantities.map { (document.text(of: $0.range), $0) }
    }
}
