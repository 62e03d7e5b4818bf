/// One data line of a units table: its fixed columns and its `key=value` features.
struct TableLine: Sendable {
    /// 1-based line number in the file.
    var number: Int
    /// The fixed columns, in order.
    var columns: [String]
    /// Features (`key=value` items after the fixed columns); a bare key maps to "1".
    var features: [String: String]

    /// True when `key` is present with value "1".
    func flag(_ key: String) -> Bool { features[key] == "1" }

    /// Splits a table's text into lines with `count` fixed columns; comments and blank lines are
    /// skipped. Throws naming `file:line` when a line has too few columns.
    static func parse(_ text: String, file: String, columns count: Int) throws(UnitTableError) -> [TableLine] {
        var text = text
        text.makeContiguousUTF8()
        let parsed = text.utf8.withContiguousStorageIfAvailable { parseBytes($0, file: file, columns: count) } ?? nil
        guard let parsed else { return try parseCharacters(text, file: file, columns: count) }
        return try parsed.get()
    }

    /// `parse` over the text's bytes, where a byte test gives what the character test would:
    /// "\t" and "\n" are characters of their own (but "\r\n" is one character, not a "\n");
    /// a feature column made only of ASCII has one character per byte. Nil (the caller then
    /// reads characters) for a line whose "#" is followed by a non-ASCII character, which might
    /// combine with it.
    private static func parseBytes(_ bytes: UnsafeBufferPointer<UInt8>, file: String, columns count: Int) -> Result<[TableLine], UnitTableError>? {
        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        var result: [TableLine] = []
        var number = 0
        var lineStart = 0
        let total = bytes.count
        while true {
            var lineEnd = lineStart
            while lineEnd < total, bytes[lineEnd] != UInt8(ascii: "\n") || (lineEnd > 0 && bytes[lineEnd - 1] == UInt8(ascii: "\r")) {
                lineEnd += 1
            }
            defer { lineStart = lineEnd + 1 }
            number += 1
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            if end > lineStart, bytes[lineStart] == UInt8(ascii: "#") {
                guard end - lineStart == 1 || bytes[lineStart + 1] < 0x80 else { return nil }
            } else if end > lineStart {
                var fields: [String] = []
                var fieldStarts: [Int] = []
                var fieldStart = lineStart
                for offset in lineStart...end where offset == end || bytes[offset] == UInt8(ascii: "\t") {
                    fields.append(string(fieldStart, offset))
                    fieldStarts.append(fieldStart)
                    fieldStart = offset + 1
                }
                guard fields.count >= count else {
                    return .failure(UnitTableError(file: file, line: number, message: "expected \(count) tab-separated columns, found \(fields.count)"))
                }
                guard !fields[0].isEmpty else {
                    return .failure(UnitTableError(file: file, line: number, message: "empty first column"))
                }
                var features: [String: String] = [:]
                for column in count..<fields.count {
                    let start = fieldStarts[column]
                    let stop = start + fields[column].utf8.count
                    guard bytes[start..<stop].allSatisfy({ $0 < 0x80 }) else {
                        addFeatures(fields[column], to: &features)
                        continue
                    }
                    var itemStart = start
                    for offset in start...stop where offset == stop || bytes[offset] == UInt8(ascii: " ") {
                        defer { itemStart = offset + 1 }
                        guard offset > itemStart else { continue }
                        if let equals = (itemStart..<offset).first(where: { bytes[$0] == UInt8(ascii: "=") }) {
                            features[string(itemStart, equals)] = string(equals + 1, offset)
                        } else {
                            features[string(itemStart, offset)] = "1"
                        }
                    }
                }
                result.append(TableLine(number: number, columns: Array(fields[0..<count]), features: features))
            }
            if lineEnd >= total { break }
        }
        return .success(result)
    }

    /// Adds the `key=value` items (a bare key: "1") of a feature column, read as characters.
    private static func addFeatures(_ extra: String, to features: inout [String: String]) {
        for item in extra.split(whereSeparator: { $0 == " " }) {
            if let equals = item.firstIndex(of: "=") {
                features[String(item[..<equals])] = String(item[item.index(after: equals)...])
            } else {
                features[String(item)] = "1"
            }
        }
    }

    /// `parse` reading characters (for texts `parseBytes` leaves to it).
    private static func parseCharacters(_ text: String, file: String, columns count: Int) throws(UnitTableError) -> [TableLine] {
        var result: [TableLine] = []
        var number = 0
        for rawLine in lines(text) {
            number += 1
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            // A tab is always a character of its own, so splitting the bytes splits the characters.
            let fields = line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { String(Substring($0)) }
            guard fields.count >= count else {
                throw UnitTableError(file: file, line: number, message: "expected \(count) tab-separated columns, found \(fields.count)")
            }
            guard !fields[0].isEmpty else {
                throw UnitTableError(file: file, line: number, message: "empty first column")
            }
            var features: [String: String] = [:]
            for extra in fields[count...] { addFeatures(extra, to: &features) }
            result.append(TableLine(number: number, columns: Array(fields[0..<count]), features: features))
        }
        return result
    }

    /// The text split at its "\n" characters, as `text.split(separator: "\n",
    /// omittingEmptySubsequences: false)` would (a "\r\n" is one character, not a "\n"), but
    /// scanning bytes rather than characters.
    static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") {
                result.append(Substring(utf8[start..<index]))
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        result.append(Substring(utf8[start..<utf8.endIndex]))
        return result
    }
}
