import Foundation
import GazetteCore
import Quantities
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

    /// The quantities of `text` as (span text, quantity) pairs.
    static func quantities(_ text: String) throws -> [(text: String, quantity: Quantity)] {
        let document = try annotate(text)
        return document.quantities.map { (document.text(of: $0.range), $0) }
    }
}
