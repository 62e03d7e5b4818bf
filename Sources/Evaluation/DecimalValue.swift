/// Canonical form of an exact decimal string, so "3000", "3000.0" and "+3000" compare equal.
enum DecimalValue {
    /// Strips a leading "+", leading zeros of the integer part, trailing zeros of the fraction and
    /// a bare ".", and writes "-0" as "0". Strings that are not plain decimals are returned trimmed.
    static func canonical(_ value: String) -> String {
        var text = value.trimmingWhitespace()
        var negative = false
        if text.hasPrefix("+") { text.removeFirst() } else if text.hasPrefix("-") {
            negative = true
            text.removeFirst()
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !text.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return value.trimmingWhitespace()
        }
        var integer = String(parts[0].drop { $0 == "0" })
        if integer.isEmpty { integer = "0" }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let magnitude = fraction.isEmpty ? integer : "\(integer).\(fraction)"
        return negative && magnitude != "0" ? "-" + magnitude : magnitude
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
