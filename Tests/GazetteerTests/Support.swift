import Foundation
import GazetteCore
import Gazetteer
import Tokenization

/// Paths and shared lexicons for the tests.
enum Fixtures {
    /// Tests/GazetteerTests/Fixtures.
    static let directory: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }()

    static func path(_ name: String) -> String { directory + "/" + name }

    /// The repository's Lexicons/ folder, when its manifest exists.
    static let bundledDirectory: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let lexicons = root.appendingPathComponent("Lexicons")
        return FileManager.default.fileExists(atPath: lexicons.appendingPathComponent("manifest.tsv").path)
            ? lexicons.path : nil
    }()

    static var hasBundledLexicons: Bool { bundledDirectory != nil }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// The fixture lexicon (compiled in memory, no cache).
    static let base: CompiledLexicon? = try? CompiledLexicon.load(
        LexiconConfiguration(bundledDirectory: path("base"), cache: .disabled))

    /// The bundled lexicons (through the shared cache in a per-user temporary folder).
    static let bundled: Result<CompiledLexicon, LexiconError>? = bundledDirectory.map { directory in
        Result { () throws(LexiconError) -> CompiledLexicon in
            try CompiledLexicon.load(
                LexiconConfiguration(
                    bundledDirectory: directory,
                    cache: .directory(FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-tests-cache").path)))
        }
    }

    /// The lists named in the bundled manifest: (file, label, subtype).
    static let bundledManifestRows: [String] = {
        guard let directory = bundledDirectory,
            let text = try? String(contentsOfFile: directory + "/manifest.tsv", encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .compactMap { $0.split(separator: "\t").first.map(String.init) }
    }()
}

/// A tokenized document.
func tokenized(_ text: String) throws -> Document {
    var document = Document(id: "test", text: text)
    try Tokenizer().process(&document)
    return document
}

/// (text, label, canonical id) of each candidate of `lexicon` in `text`.
func candidateSummary(_ lexicon: CompiledLexicon, _ text: String, labels: Set<LexiconLabel>? = nil) throws
    -> [(text: String, label: String, id: String?)]
{
    let document = try tokenized(text)
    return lexicon.candidates(in: document, labels: labels).map { candidate in
        let entry = lexicon.entry(candidate.entry)
        return (document.text(of: candidate.range), entry.label.rawValue, entry.canonical.id)
    }
}

/// "text/LABEL" for each entity the gazetteer stage finds in `text`.
func stageEntities(_ lexicon: CompiledLexicon, _ text: String) throws -> [String] {
    var document = try tokenized(text)
    try GazetteerStage(lexicon: lexicon).process(&document)
    return document.entities.map { "\(document.text(of: $0.range))/\($0.label.rawValue)" }
}
