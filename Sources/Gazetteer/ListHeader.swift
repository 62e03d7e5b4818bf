/// The `#!` header of a single list file given with `--lexicon FILE`: what a manifest row says
/// for lists in a directory.
///
/// Header lines start with `#!` and hold space- or tab-separated `key=value` pairs; they may be
/// split over several lines, and must come before the first entry:
///
///     #! label=ORGANIZATION subtype=company
///     #! case=insensitive diacritics=fold priority=120
///     Acme Corp	Acme Corporation	wikidata:Q123	ticker=ACME
///
/// Keys: `label` (required), `subtype` (default `-`: entries may carry `subtype=...`),
/// `case` (`sensitive`, the default, or `insensitive`), `diacritics` (`fold`, the default, or
/// `keep`), `priority` (an integer, default 100).
enum ListHeader {
    static let defaultPriority = 100

    /// The spec of the single list file at `path`.
    static func spec(path: String, layer: Int) throws(LexiconError) -> LexiconListSpec {
        guard FileSystem.isFile(path) else { throw .missingFile(path: path, referencedFrom: "--lexicon") }
        let bytes = try FileSystem.readFile(path)
        return try spec(bytes: bytes, path: path, layer: layer)
    }

    static func spec(bytes: [UInt8], path: String, layer: Int) throws(LexiconError) -> LexiconListSpec {
        var label: LexiconLabel?
        var subtype: String?
        var casePolicy = CasePolicy.sensitive
        var diacritics = DiacriticsPolicy.fold
        var priority = defaultPriority
        var position = 0
        var number = 0
        var lastHeaderLine = 1
        while position < bytes.count {
            number += 1
            var end = position
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = bytes[position..<end]
            position = end + 1
            let text = String(decoding: line, as: UTF8.self).trimmingSpaces
            if text.isEmpty || text == "\r" { continue }
            if !text.hasPrefix("#") { break }  // first entry: the header is over
            guard text.hasPrefix("#!") else { continue }
            lastHeaderLine = number
            let pairs = text.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            for pair in pairs {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                    throw .badHeader(file: path, line: number, reason: "'\(pair)' is not key=value")
                }
                let key = String(pair[..<equals])
                let value = String(pair[pair.index(after: equals)...])
                switch key {
                case "label":
                    guard let valid = LexiconLabel.validated(value) else {
                        throw .badHeader(file: path, line: number, reason: "label '\(value)' is not an upper-case name such as PERSON")
                    }
                    label = valid
                case "subtype":
                    subtype = value == "-" || value.isEmpty ? nil : value
                case "case":
                    guard let valid = CasePolicy(rawValue: value) else {
                        throw .badHeader(file: path, line: number, reason: "case '\(value)' is not 'sensitive' or 'insensitive'")
                    }
                    casePolicy = valid
                case "diacritics":
                    guard let valid = DiacriticsPolicy(rawValue: value) else {
                        throw .badHeader(file: path, line: number, reason: "diacritics '\(value)' is not 'fold' or 'keep'")
                    }
                    diacritics = valid
                case "priority":
                    guard let valid = Int(value) else {
                        throw .badHeader(file: path, line: number, reason: "priority '\(value)' is not an integer")
                    }
                    priority = valid
                default:
                    throw .badHeader(
                        file: path, line: number,
                        reason: "unknown key '\(key)' (known: label, subtype, case, diacritics, priority)")
                }
            }
        }
        guard let label else {
            throw .badHeader(
                file: path, line: lastHeaderLine,
                reason: "no label: start the file with a header line such as '#! label=ORGANIZATION subtype=company'")
        }
        return LexiconListSpec(
            path: path, displayName: path, label: label, subtype: subtype, casePolicy: casePolicy,
            diacritics: diacritics, priority: priority, layer: layer)
    }
}
