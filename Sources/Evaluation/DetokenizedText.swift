/// A space-tokenised evaluation input ("$ 75 million", "4 . 8 %", "c $ 1.34") with the spaces
/// that tokenisation added around numbers taken out again ("$75 million", "4.8 %", "c$1.34"),
/// and a map from the new text's code points back to the original's, so predictions are scored
/// at the gold offsets.
///
/// Only three patterns are undone, all of them artefacts of Penn-Treebank-style tokenisation:
/// a decimal point between digits ("4 . 8"), a currency symbol before a digit ("$ 75"), and a
/// one- or two-letter currency prefix before such a symbol ("c $", "us $", "hk $").
public struct DetokenizedText: Sendable {
    /// The text with the artificial spaces removed.
    public let text: String
    /// For each code point of `text`, its index in the original text.
    public let originalIndex: [Int]

    /// Detokenises `original`. `currencyPrefix` says whether letters glued to a symbol ("c$",
    /// "us$") name a currency; the article "a" and a possessive "s" ("adelaide ' s $ 4
    /// billion") are never glued, nor are other words ("of $ 150", "to $ 13.18").
    public init(_ original: String, currencyPrefix: (String) -> Bool = { _ in true }) {
        let scalars = Array(original.unicodeScalars)
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < scalars.count && ("0"..."9").contains(scalars[index]) }
        func isCurrencySymbol(_ index: Int) -> Bool {
            guard index >= 0, index < scalars.count else { return false }
            return ["$", "£", "€", "¥"].contains(scalars[index])
        }
        func isLetter(_ index: Int) -> Bool { index >= 0 && index < scalars.count && scalars[index].properties.isAlphabetic }
        var drop = Set<Int>()
        for index in scalars.indices where scalars[index] == " " {
            // "4 . 8": the spaces on both sides of a point between digits.
            if index + 2 < scalars.count, scalars[index + 1] == ".", scalars[index + 2] == " ", isDigit(index - 1), isDigit(index + 3) {
                drop.insert(index)
                drop.insert(index + 2)
            }
            // "$ 75"
            if isCurrencySymbol(index - 1), isDigit(index + 1) { drop.insert(index) }
            // "c $ 1.34": a short letter prefix glued to the symbol.
            if isCurrencySymbol(index + 1), index + 3 < scalars.count, scalars[index + 2] == " ", isDigit(index + 3), isLetter(index - 1) {
                var start = index - 1
                while start > 0, isLetter(start - 1) { start -= 1 }
                let letters = String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
                let possessive = start >= 2 && scalars[start - 2] == "'"
                if index - start <= 2, start == 0 || scalars[start - 1] == " ", letters != "a", !possessive,
                   currencyPrefix(letters + String(scalars[index + 1])) {
                    drop.insert(index)
                }
            }
        }
        var result = String.UnicodeScalarView()
        var map: [Int] = []
        for (index, scalar) in scalars.enumerated() where !drop.contains(index) {
            result.append(scalar)
            map.append(index)
        }
        text = String(result)
        originalIndex = map
    }

    /// The original half-open span of a span `[start, end)` of `text` (code points).
    public func originalSpan(_ start: Int, _ end: Int) -> Span {
        guard !originalIndex.isEmpty, end > start else { return Span(start, end) }
        let first = originalIndex[min(max(0, start), originalIndex.count - 1)]
        let last = originalIndex[min(max(0, end - 1), originalIndex.count - 1)]
        return Span(first, last + 1)
    }
}
