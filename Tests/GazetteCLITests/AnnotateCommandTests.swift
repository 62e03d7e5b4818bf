import Foundation
import Testing

/// End-to-end tests of the `gazette` executable.
@Suite("gazette annotate (end to end)")
struct AnnotateCommandTests {
    static let mixed = """
        {"id":"seed","text":"Defense Secretary Lloyd Austin said North Korea has sent 3,000 soldiers to Russia.\\nUkrainian President Volodymyr Zelenskiy’s “warning” came at 10:00.","url":"http://example.org/a","score":1.50}
        {"id":"cjk","text":"北京市 and Москва 👍🏽 — the U.S. The end.\\r\\nNew line."}
        {"text":"No id here; Gen. Joseph Votel spoke."}
        """

    @Test("the offset contract holds on every token and sentence, checked with jq")
    func offsetInvariant() throws {
        let directory = try ScratchDirectory()
        let input = try directory.write("mixed.jsonl", Self.mixed)
        let result = try GazetteBinary.shell(
            #""$GAZETTE" --tokens "\#(input)" Corpus/ | jq -e -s 'all(.[]; .text as $t | all(.tokens[]; $t[.start:.end] == .text) and all(.sentences[]; ($t[.start:.end] | length) == (.end - .start)))'"#)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "true")
    }

    @Test("one output line per input document, fields passed through unchanged")
    func passthrough() throws {
        let result = try GazetteBinary.run(["-"], input: Data(Self.mixed.utf8))
        #expect(result.status == 0)
        #expect(result.lines.count == 3)
        #expect(result.lines[0].hasPrefix(#"{"id":"seed","url":"http://example.org/a","score":1.50,"text":"#))
        #expect(jsonObject(result.lines[2])?["id"] as? String == "stdin:3")
        #expect(jsonObject(result.lines[1])?["sentences"] as? [Any] != nil)
        #expect(jsonObject(result.lines[0])?["tokens"] == nil)
    }

    @Test("plain text on standard input is one document (id stdin); --stdin-format jsonl reads it as JSON lines")
    func plainStandardInput() throws {
        let text = "Defense Secretary Lloyd Austin met NATO leaders in Brussels.\nThey spoke for an hour.\n"
        let result = try GazetteBinary.run([], input: Data(text.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 1)
        let object = jsonObject(result.lines[0])
        #expect(object?["id"] as? String == "stdin")
        #expect(object?["text"] as? String == text)
        let names = (object?["entities"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
        #expect(names == ["Defense Secretary", "Lloyd Austin", "NATO", "Brussels"])
        let strict = try GazetteBinary.run(["--stdin-format", "jsonl"], input: Data(text.utf8))
        #expect(strict.status == 1)
        #expect(strict.lines.count == 2)
        #expect(strict.stderr.contains("stdin:1: malformed-json"))
    }

    @Test("a .txt file is one document whose id is the path as given")
    func textFile() throws {
        let directory = try ScratchDirectory()
        try directory.write("story.txt", "Kyiv is calm. Moscow is not.")
        let result = try GazetteBinary.run(["story.txt"], directory: directory.path)
        #expect(result.status == 0)
        #expect(result.lines.count == 1)
        let object = jsonObject(result.lines[0])
        #expect(object?["id"] as? String == "story.txt")
        #expect((object?["sentences"] as? [Any])?.count == 2)
    }

    @Test("bad input: error records, stderr names file:line, processing goes on, exit 1")
    func badInput() throws {
        let directory = try ScratchDirectory()
        var bytes = Array(#"{"id":"ok","text":"Fine."}"#.utf8) + [0x0A]
        bytes += Array(#"{"id":"broken","text":"#.utf8) + [0x0A]
        bytes += Array(#"{"id":"no-text","body":"x"}"#.utf8) + [0x0A]
        bytes += Array(#"{"id":"bad-utf8","text":"Ky"#.utf8) + [0xFF, 0xFE] + Array(#"iv"}"#.utf8) + [0x0A]
        bytes += [0x0A, 0x0A]
        bytes += Array(#"{"id":"last","text":""}"#.utf8)
        let file = try directory.write("in.jsonl", bytes)
        let binary = try directory.write("binary.txt", (0..<2048).map { UInt8(($0 * 7) % 256) })
        let result = try GazetteBinary.run([file, directory.path + "/missing.jsonl", binary])
        #expect(result.status == 1)
        let objects = result.lines.compactMap(jsonObject)
        #expect(objects.count == 6)
        #expect(objects.map { $0["id"] as? String } == ["ok", "\(file):2", "no-text", "bad-utf8", "last", binary])
        let errors = objects.map { ($0["error"] as? [String: Any])?["code"] as? String }
        #expect(errors == [nil, "malformed-json", "missing-text", nil, nil, nil])
        #expect((objects[1]["error"] as? [String: Any])?["source"] as? String == "\(file):2")
        let warnings = objects.map { ($0["warnings"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? [] }
        #expect(warnings[3] == ["invalid-utf8"])
        #expect(warnings[4] == ["empty-text"])
        #expect(warnings[5].contains("binary-content"))
        #expect(result.stderr.contains("\(file):2: malformed-json"))
        #expect(result.stderr.contains("\(file):3: missing-text"))
        #expect(result.stderr.contains("cannot read \(directory.path)/missing.jsonl"))
    }

    @Test("exit status 0 when every document succeeds, 2 on usage errors")
    func exitStatus() throws {
        #expect(try GazetteBinary.run(["Corpus/"]).status == 0)
        let unknownStage = try GazetteBinary.run(["--stages", "nonsense", "Corpus/"])
        #expect(unknownStage.status == 2)
        #expect(unknownStage.stderr.contains("unknown stage 'nonsense'"))
        #expect(try GazetteBinary.run(["--jobs", "0", "Corpus/"]).status == 2)
        #expect(try GazetteBinary.run(["--no-such-flag"]).status == 2)
        #expect(try GazetteBinary.run(["--lexicons", "/nonexistent-dir", "Corpus/"]).status == 2)
        let help = try GazetteBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("annotate"))
    }

    @Test("output is byte-identical for --jobs 1 and --jobs 4")
    func deterministicAcrossJobs() throws {
        let directory = try ScratchDirectory()
        var lines: [String] = []
        for index in 0..<3000 {
            let text = "Report \(index): the U.S. said \(index * 7) troops moved — “quietly” — to Kyiv’s east. Gen. Votel agreed."
            lines.append(#"{"id":"d\#(index)","text":"\#(text)"}"#)
        }
        let file = try directory.write("many.jsonl", lines.joined(separator: "\n"))
        let one = try GazetteBinary.run(["--jobs", "1", "--tokens", file])
        let four = try GazetteBinary.run(["--jobs", "4", "--tokens", file])
        #expect(one.status == 0 && four.status == 0)
        #expect(one.lines.count == 3000)
        #expect(one.stdout == four.stdout)
    }

    @Test("`gazette ... | head -1` exits quietly")
    func headExitsQuietly() throws {
        let directory = try ScratchDirectory()
        let line = #"{"text":"The U.S. announced that North Korea has sent 3,000 soldiers to Russia."}"#
        let file = try directory.write("big.jsonl", Array(repeating: line, count: 20000).joined(separator: "\n"))
        let result = try GazetteBinary.shell(#""$GAZETTE" --tokens "\#(file)" 2>"\#(directory.path)/err" | head -1; cat "\#(directory.path)/err""#)
        #expect(result.status == 0)
        #expect(result.lines.count == 1)
        #expect(result.stderr.isEmpty)
    }

    @Test("bench prints throughput, start-up time and peak memory")
    func bench() throws {
        let result = try GazetteBinary.run(["bench", "Corpus/", "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        for field in ["jobs 1", "jobs 2", "MB/s", "docs/s", "start-up", "peak RSS"] {
            #expect(result.output.contains(field))
        }
    }

    @Test("bench --stage-times times every stage and the JSON output, shares summing to 100%")
    func benchStageTimes() throws {
        let result = try GazetteBinary.run(["bench", "Corpus/", "--jobs", "1", "--stage-times"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.lines.filter { $0.hasSuffix("MB/s alone") }
        #expect(rows.map { $0.split(separator: " ").first.map(String.init) ?? "" }
            == ["tokenize", "gazetteer", "quantities", "relations", "JSON"])
        let shares = rows.compactMap { row in row.split(separator: " ").first { $0.hasSuffix("%") }.flatMap { Double($0.dropLast()) } }
        #expect(shares.count == 5)
        #expect(abs(shares.reduce(0, +) - 100) < 0.5, "\(rows)")
    }

    @Test("bench --stage-times also times the gazetteer's lexicon match alone, against the tokenizer")
    func benchStageTimesLexiconMatch() throws {
        let result = try GazetteBinary.run(["bench", "Corpus/", "--jobs", "1", "--stage-times"])
        #expect(result.status == 0, "\(result.stderr)")
        /// The number before the first " s " of a row.
        func seconds(_ row: String?) -> Double? {
            guard let fields = row?.split(separator: " "), let unit = fields.firstIndex(of: "s"), unit > 0 else { return nil }
            return Double(fields[unit - 1])
        }
        let lines = result.lines.map { $0.trimmingCharacters(in: .whitespaces) }
        let match = lines.first { $0.hasPrefix("lexicon match") }
        let gazetteer = lines.first { $0.hasPrefix("gazetteer") && $0.hasSuffix("MB/s alone") }
        #expect(match?.contains("(within gazetteer)") == true && match?.hasSuffix("x tokenize") == true, "\(lines)")
        let matchSeconds = try #require(seconds(match))
        let gazetteerSeconds = try #require(seconds(gazetteer))
        #expect(matchSeconds > 0 && matchSeconds <= gazetteerSeconds * 1.5, "\(lines)")
    }
}
