import Evaluation
import Foundation
import GazetteCore
import Relations
import Tokenization

/// Builds pipeline documents from the gold corpus with GOLD entities and quantities (code point
/// offsets converted to UTF-8 bytes), tokenizes them, and runs the relations stage: the
/// "oracle-mention" relation score, independent of the entity and quantity stages.
enum OracleCorpus {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpusPath = packageRoot.appendingPathComponent("Corpus/news.jsonl").path
    static let lexicons = packageRoot.appendingPathComponent("Lexicons").path

    /// The stage, loaded once from the repository's lexicons.
    static let stage = Result { () throws(RelationResourceError) -> RelationStage in
        try RelationStage(lexiconDirectory: lexicons)
    }

    /// Documents with gold entities and quantities, tokenized, no relations.
    static func documents() throws -> [Document] {
        let contents = try String(contentsOfFile: corpusPath, encoding: .utf8)
        var result: [Document] = []
        for line in contents.split(separator: "\n") where !line.isEmpty {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String, let text = object["text"] as? String
            else { continue }
            var document = Document(id: id, text: text)
            let offsets = byteOffsets(text)
            func range(_ item: [String: Any]) -> TextRange? {
                guard let start = item["start"] as? Int, let end = item["end"] as? Int,
                    start >= 0, end < offsets.count, start <= end
                else { return nil }
                return TextRange(offsets[start], offsets[end])
            }
            for item in object["entities"] as? [[String: Any]] ?? [] {
                guard let range = range(item), let label = (item["label"] as? String).flatMap(EntityLabel.init(rawValue:))
                else { continue }
                let canonical = (item["canonical"] as? [String: Any]).flatMap { value -> CanonicalReference? in
                    guard let name = value["name"] as? String else { return nil }
                    return CanonicalReference(name: name, id: value["id"] as? String)
                }
                document.entities.append(
                    Entity(
                        range: range, label: label, subtype: item["subtype"] as? String, canonical: canonical,
                        source: Provenance(stage: "gold", rule: "gold")))
            }
            for item in object["quantities"] as? [[String: Any]] ?? [] {
                guard let range = range(item), let kind = (item["kind"] as? String).flatMap(QuantityKind.init(rawValue:))
                else { continue }
                var counted: CountedNoun?
                if let noun = item["counted"] as? [String: Any], let nounRange = self.range(noun, offsets),
                    let lemma = noun["lemma"] as? String
                {
                    counted = CountedNoun(range: nounRange, lemma: lemma)
                }
                document.quantities.append(
                    Quantity(
                        range: range, kind: kind, value: item["value"] as? String, unit: item["unit"] as? String,
                        counted: counted, source: Provenance(stage: "gold", rule: "gold")))
            }
            document.entities.sort { $0.range < $1.range }
            document.quantities.sort { $0.range < $1.range }
            try Tokenizer().process(&document)
            result.append(document)
        }
        return result
    }

    private static func range(_ item: [String: Any], _ offsets: [Int]) -> TextRange? {
        guard let start = item["start"] as? Int, let end = item["end"] as? Int, start >= 0, end < offsets.count, start <= end
        else { return nil }
        return TextRange(offsets[start], offsets[end])
    }

    /// Code point index → UTF-8 byte offset (one more entry than code points).
    static func byteOffsets(_ text: String) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(text.unicodeScalars.count + 1)
        var byte = 0
        for scalar in text.unicodeScalars {
            offsets.append(byte)
            byte += String(scalar).utf8.count
        }
        offsets.append(byte)
        return offsets
    }

    /// Runs the stage over the oracle documents and scores the relations against the gold.
    static func evaluate() throws -> EvaluationReport {
        let stage = try stage.get()
        var predictions: [AnnotatedDocument] = []
        for var document in try documents() {
            try stage.process(&document)
            predictions.append(AnnotatedDocument(document))
        }
        let gold = try GoldCorpus.read(path: corpusPath, format: .gazette)
        return Evaluator().evaluate(gold: gold, predictions: predictions)
    }
}
