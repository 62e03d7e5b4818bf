import Foundation

/// The gold file formats `Evaluation` reads.
public enum GoldFormat: String, CaseIterable, Hashable, Sendable, Codable {
    /// Gazette's own output schema, one JSON object per line, code point offsets.
    case gazette
    /// CoNLL columns (`token ... TAG`), IOB1 or BIO tags, blank lines between sentences,
    /// `-DOCSTART-` lines between documents.
    case conll
    /// re3d: a folder with `documents.json`, `entities.json`, `relations.json` (mongoexport JSON
    /// lines), or a folder of such folders.
    case re3d

    /// Works the format out from the path: a folder holding `documents.json` (itself or one level
    /// down) is re3d; `.jsonl` is Gazette; `.conll`, `.iob`, `.bio` (anywhere in the name) are
    /// CoNLL; otherwise the first non-blank line decides (`{` means Gazette, else CoNLL).
    public static func detect(path: String) throws(EvaluationError) -> GoldFormat {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file or folder")
        }
        if isDirectory.boolValue {
            if !Re3dReader.sourceFolders(in: path).isEmpty { return .re3d }
            throw .unknownFormat(path: path)
        }
        let name = (path as NSString).lastPathComponent.lowercased()
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return .gazette }
        for marker in [".conll", ".iob", ".bio", ".iob1", ".iob2"] where name.contains(marker) {
            return .conll
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "cannot open")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        let firstLine = String(decoding: head, as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .first { !$0.allSatisfy(\.isWhitespace) }
        guard let firstLine else { throw .unknownFormat(path: path) }
        return firstLine.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.first == "{" ? .gazette : .conll
    }
}
