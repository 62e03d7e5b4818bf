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
            for extra in fields[count...] {
                for item in extra.split(whereSeparator: { $0 == " " }) {
                    if let equals = item.firstIndex(of: "=") {
                        features[String(item[..<equals])] = String(item[item.index(after: equals)...])
                    } else {
                        features[String(item)] = "1"
                    }
                }
            }
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
