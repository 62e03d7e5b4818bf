import Foundation
import GazetteCore
import Testing

@testable import GazetteIO

/// A temporary directory removed when the value is dropped.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "gazette-io-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

/// Reads every record of `paths`.
func readAll(_ paths: [String], limit: Int = 64 << 20) -> [InputRecord] {
    let reader = InputReader(paths: paths, options: InputOptions(maximumDocumentBytes: limit))
    var records: [InputRecord] = []
    while let record = reader.next() { records.append(record) }
    return records
}

/// A compact description of a record for comparisons.
func summary(_ record: InputRecord) -> String {
    switch record {
    case let .document(document):
        return "doc \(document.id) \(document.warnings.map(\.code.rawValue))"
    case let .failure(failure):
        return "fail \(failure.id) \(failure.code) \(failure.source?.description ?? "-")"
    case let .unreadable(path, _):
        return "unreadable \((path as NSString).lastPathComponent)"
    case let .jsonLine(bytes, source):
        return "line \(source) \(bytes.count)"
    }
}

@Suite("Input reader")
struct InputReaderTests {
    @Test("walks a directory recursively in sorted order, .txt and .jsonl only")
    func directoryWalk() throws {
        let directory = try TemporaryDirectory()
        try directory.write("b.txt", "Second.")
        try directory.write("a/z.txt", "First.")
        try directory.write("c.jsonl", #"{"id":"j1","text":"Third."}"# + "\n")
        try directory.write("notes.md", "ignored")
        try directory.write(".hidden.txt", "ignored")
        let records = readAll([directory.path])
        #expect(records.map(summary) == [
            "doc \(directory.path)/a/z.txt []", "doc \(directory.path)/b.txt []", "doc j1 []",
        ])
    }

    @Test("JSON lines: ids, passthrough, missing ids, blank lines, errors, CRLF")
    func jsonLines() throws {
        let directory = try TemporaryDirectory()
        let lines = [
            #"{"id":"a","text":"One.","url":"u","n":1.50}"#,
            "",
            #"{"text":"No id."}"#,
            #"{"id":"c","text":42}"#,
            #"{"id":"d"}"#,
            #"{"id":"e","text":"broken"#,
            #"[1,2]"#,
            "   ",
            #"{"id":7,"text":"Numeric id."}"# + "\r",
        ]
        let file = try directory.write("in.jsonl", lines.joined(separator: "\n"))
        let records = readAll([file])
        #expect(records.map(summary) == [
            "doc a []",
            "doc \(file):3 []",
            "fail c missing-text \(file):4",
            "fail d missing-text \(file):5",
            "fail \(file):6 malformed-json \(file):6",
            "fail \(file):7 missing-text \(file):7",
            "doc 7 []",
        ])
        if case let .document(document) = records[0] {
            #expect(document.fields.map(\.name) == ["url", "n"])
            #expect(document.fields.map { String(decoding: $0.rawJSON, as: UTF8.self) } == [#""u""#, "1.50"])
            #expect(document.source?.description == "\(file):1")
        }
    }

    @Test("deferred parsing returns raw lines that resolve to the same records")
    func deferredParsing() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("in.jsonl", #"{"id":"a","text":"One."}"# + "\n" + #"{"id":"b""# + "\n")
        let reader = InputReader(paths: [file], options: InputOptions(deferParsing: true))
        var raw: [InputRecord] = []
        while let record = reader.next() { raw.append(record) }
        #expect(raw.map(summary) == ["line \(file):1 24", "line \(file):2 9"])
        #expect(raw.map { summary($0.resolved()) } == readAll([file]).map(summary))
    }

    @Test("invalid UTF-8 in JSON lines and text files is repaired and reported")
    func invalidUTF8() throws {
        let directory = try TemporaryDirectory()
        let jsonl = try directory.write("bad.jsonl", Array(#"{"id":"x","text":"Ky"#.utf8) + [0xFF] + Array(#"iv"}"#.utf8))
        let text = try directory.write("bad.txt", [0x41, 0xC3, 0x28, 0x42])
        let records = readAll([jsonl, text])
        #expect(records.map(summary) == ["doc x [\"invalid-utf8\"]", "doc \(text) [\"invalid-utf8\"]"])
        if case let .document(document) = records[0] { #expect(document.text == "Ky\u{FFFD}iv") }
    }

    @Test("binary and empty files still yield one document each")
    func binaryAndEmpty() throws {
        let directory = try TemporaryDirectory()
        let binary = try directory.write("bin.txt", (0..<512).map { UInt8($0 % 256) })
        let empty = try directory.write("empty.txt", "")
        let records = readAll([binary, empty])
        #expect(records.count == 2)
        #expect(summary(records[0]).contains("binary-content"))
        #expect(summary(records[1]) == "doc \(empty) [\"empty-text\"]")
    }

    @Test("documents over the size limit become error records; reading goes on")
    func tooLarge() throws {
        let directory = try TemporaryDirectory()
        let big = String(repeating: "word ", count: 400)
        let file = try directory.write(
            "big.jsonl", #"{"id":"big","text":"\#(big)"}"# + "\n" + #"{"id":"small","text":"ok"}"# + "\n")
        let text = try directory.write("big.txt", big)
        let records = readAll([file, text], limit: 1000)
        #expect(records.map(summary) == [
            "fail \(file):1 document-too-large \(file):1", "doc small []",
            "fail \(text) document-too-large \(text)",
        ])
    }

    @Test("a line longer than the read buffer is read whole")
    func longLine() throws {
        let directory = try TemporaryDirectory()
        let long = String(repeating: "x", count: 3 << 20)
        let file = try directory.write("long.jsonl", #"{"id":"l","text":"\#(long)"}"#)
        let records = readAll([file])
        guard case let .document(document) = records.first else {
            Issue.record("no document")
            return
        }
        #expect(document.byteCount == long.utf8.count)
    }

    @Test("missing paths are reported and skipped")
    func unreadable() throws {
        let directory = try TemporaryDirectory()
        let good = try directory.write("ok.txt", "Fine.")
        let records = readAll([directory.path + "/missing.txt", good])
        #expect(records.map(summary) == ["unreadable missing.txt", "doc \(good) []"])
    }
}

/// Standard input: JSON lines or one plain-text document, by `--stdin-format` or the first bytes.
@Suite("Input reader: standard input")
struct StandardInputTests {
    /// Reads `input` as standard input (through a file's descriptor) in `format`: each record's
    /// summary and, for documents, text.
    func read(_ input: [UInt8], _ format: StandardInputFormat, limit: Int = 64 << 20) throws -> [String] {
        let directory = try TemporaryDirectory()
        let file = try directory.write("stdin.bin", input)
        let descriptor = open(file, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let reader = InputReader(
            paths: ["-"], options: InputOptions(maximumDocumentBytes: limit, standardInput: format), standardInput: descriptor)
        var found: [String] = []
        while let record = reader.next() {
            if case let .document(document) = record {
                found.append(summary(record) + " " + document.text)
            } else {
                found.append(summary(record))
            }
        }
        return found
    }

    static let cases: [(StandardInputFormat, String, [String])] = [
        (.auto, "Lloyd Austin met NATO leaders.\nA second line.\n", ["doc stdin [] Lloyd Austin met NATO leaders.\nA second line.\n"]),
        (.auto, "\n  {\"id\":\"a\",\"text\":\"Kyiv\"}\n{\"text\":\"Paris\"}\n", ["doc a [] Kyiv", "doc stdin:3 [] Paris"]),
        (.auto, "{broken\n", ["fail stdin:1 malformed-json stdin:1"]),
        (.auto, "", []),
        (.auto, " \n\t\n", []),
        (.auto, "\u{FEFF}{\"text\":\"Rome\"}\n", ["doc stdin:1 [] Rome"]),
        (.auto, "\u{FEFF}Rome is old.", ["doc stdin [] Rome is old."]),
        (.text, "{\"text\":\"x\"}", ["doc stdin [] {\"text\":\"x\"}"]),
        (.text, "", ["doc stdin [\"empty-text\"] "]),
        (.jsonLines, "plain words\n", ["fail stdin:1 malformed-json stdin:1"]),
    ]

    @Test("reads standard input as the format, or its first bytes, say", arguments: cases)
    func formats(_ format: StandardInputFormat, _ input: String, _ expected: [String]) throws {
        let found = try read(Array(input.utf8), format)
        #expect(found == expected, "\(found)")
    }

    @Test("plain text on standard input: invalid UTF-8 is repaired, a text over the limit is an error record")
    func textLimits() throws {
        #expect(try read([0x4F, 0x6B, 0xFF, 0x2E], .auto) == ["doc stdin [\"invalid-utf8\"] Ok\u{FFFD}."])
        #expect(try read(Array(String(repeating: "word ", count: 100).utf8), .auto, limit: 100) == ["fail stdin document-too-large stdin"])
        // Past the look-ahead of `auto` (64 KB): still one document, whole.
        let long = String(repeating: "a", count: 200_000)
        #expect(try read(Array(long.utf8), .auto).first?.count == "doc stdin [] ".count + long.count)
    }
}
