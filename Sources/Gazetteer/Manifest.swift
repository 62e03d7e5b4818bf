/// Reads a lexicon directory's `manifest.tsv`: one row per list,
/// `file<TAB>label<TAB>subtype<TAB>case<TAB>diacritics<TAB>priority`, `#` comments and blank
/// lines ignored (modelled on GATE's `lists.def`).
enum Manifest {
    /// The manifest's file name inside a lexicon directory.
    static let fileName = "manifest.tsv"

    /// The lists of the lexicon directory `directory`.
    /// - Parameters:
    ///   - displayPrefix: prefix of list names in provenance ("" for the bundled lexicons, the
    ///     directory as given for user directories).
    ///   - layer: the override layer of every list.
    static func lists(inDirectory directory: String, displayPrefix: String, layer: Int) throws(LexiconError)
        -> [LexiconListSpec]
    {
        let manifestPath = FileSystem.join(directory, fileName)
        guard FileSystem.isFile(manifestPath) else { throw .missingFile(path: manifestPath, referencedFrom: nil) }
        let bytes = try FileSystem.readFile(manifestPath)
        let displayManifest = displayPrefix.isEmpty ? fileName : FileSystem.join(displayPrefix, fileName)
        var specs: [LexiconListSpec] = []
        for (number, line) in TSVLines(bytes) {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            func bad(_ reason: String) -> LexiconError {
                .badManifest(file: displayManifest, line: number, reason: reason)
            }
            guard fields.count == 6 else {
                throw bad("expected 6 tab-separated fields (file, label, subtype, case, diacritics, priority), found \(fields.count)")
            }
            let file = fields[0].trimmingSpaces
            guard !file.isEmpty else { throw bad("empty file name") }
            guard let label = LexiconLabel.validated(fields[1].trimmingSpaces) else {
                throw bad("label '\(fields[1])' is not an upper-case name such as PERSON or GIVEN_NAME")
            }
            let subtypeText = fields[2].trimmingSpaces
            guard !subtypeText.isEmpty else { throw bad("empty subtype (write '-' for none)") }
            guard let casePolicy = CasePolicy(rawValue: fields[3].trimmingSpaces) else {
                throw bad("case '\(fields[3])' is not 'sensitive' or 'insensitive'")
            }
            guard let diacritics = DiacriticsPolicy(rawValue: fields[4].trimmingSpaces) else {
                throw bad("diacritics '\(fields[4])' is not 'fold' or 'keep'")
            }
            guard let priority = Int(fields[5].trimmingSpaces) else { throw bad("priority '\(fields[5])' is not an integer") }
            let path = FileSystem.join(directory, file)
            guard FileSystem.isFile(path) else {
                throw .missingFile(path: path, referencedFrom: "\(displayManifest):\(number)")
            }
            specs.append(
                LexiconListSpec(
                    path: path, displayName: displayPrefix.isEmpty ? file : FileSystem.join(displayPrefix, file),
                    label: label, subtype: subtypeText == "-" ? nil : subtypeText, casePolicy: casePolicy,
                    diacritics: diacritics, priority: priority, layer: layer))
        }
        return specs
    }
}

/// The non-blank, non-comment lines of a TSV file with their 1-based numbers (a trailing CR is
/// dropped). Lines starting with `#` are skipped.
struct TSVLines: Sequence {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func makeIterator() -> AnyIterator<(Int, ArraySlice<UInt8>)> {
        var position = 0
        var number = 0
        let bytes = self.bytes
        return AnyIterator {
            while position < bytes.count {
                number += 1
                let start = position
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                position = end + 1
                var last = end
                if last > start, bytes[last - 1] == UInt8(ascii: "\r") { last -= 1 }
                let line = bytes[start..<last]
                if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
                if line.first == UInt8(ascii: "#") { continue }
                return (number, line)
            }
            return nil
        }
    }
}

extension String {
    /// The string without leading and trailing spaces (ASCII space only).
    var trimmingSpaces: String {
        var view = Substring(self)
        while view.first == " " { view = view.dropFirst() }
        while view.last == " " { view = view.dropLast() }
        return String(view)
    }
}
