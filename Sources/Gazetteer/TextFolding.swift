/// Case and diacritics folding of token pieces, applied identically when lexicons are compiled
/// and when text is matched, so folded forms are computed once per list entry, never by copying
/// lists.
///
/// - Diacritics folding maps Latin letters with diacritics to their base letters ("ã" → "a",
///   "ø" → "o", "ł" → "l", "ß" → "ss", "æ" → "ae"), drops combining marks (so decomposed input
///   folds the same way), and maps typographic apostrophes (’ ‘ ʼ) to "'" and Unicode hyphens
///   (U+2010, U+2011) to "-".
/// - Case folding lower-cases (Unicode lower-case mapping, ASCII fast path).
public enum TextFolding {
    /// Appends the folded UTF-8 form of `bytes[start..<end]` to `output`.
    public static func fold(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, caseFold: Bool, diacriticsFold: Bool,
        into output: inout [UInt8]
    ) {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                output.append(caseFold && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
                continue
            }
            let (scalar, length) = UTF8Scalars.decode(bytes, at: index, end: end)
            index += length
            if diacriticsFold {
                let value = scalar.value
                if isCombiningMark(value) { continue }
                if let replacement = diacriticFolds[value] {
                    for unit in replacement.utf8 {
                        output.append(caseFold && unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit)
                    }
                    continue
                }
            }
            if caseFold, scalar.properties.changesWhenLowercased {
                output.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                UTF8Scalars.append(scalar, to: &output)
            }
        }
    }

    /// The folded form of a string.
    public static func fold(_ text: String, caseFold: Bool, diacriticsFold: Bool) -> String {
        var copy = text
        var output: [UInt8] = []
        copy.withUTF8 { fold($0, 0, $0.count, caseFold: caseFold, diacriticsFold: diacriticsFold, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Combining diacritical marks dropped by diacritics folding.
    static func isCombiningMark(_ value: UInt32) -> Bool {
        (0x0300...0x036F).contains(value) || (0x1AB0...0x1AFF).contains(value) || (0x1DC0...0x1DFF).contains(value)
            || (0x20D0...0x20FF).contains(value) || (0xFE20...0xFE2F).contains(value)
    }

    /// Latin letters with diacritics → base letters, plus apostrophe and hyphen variants. Built
    /// once from the Unicode character names ("LATIN SMALL LETTER O WITH STROKE" → "o").
    static let diacriticFolds: [UInt32: String] = {
        var table: [UInt32: String] = [
            0x2018: "'", 0x2019: "'", 0x02BC: "'", 0x2032: "'", 0x2010: "-", 0x2011: "-",
            0x00DF: "ss", 0x1E9E: "SS", 0x0131: "i", 0x00F0: "d", 0x00D0: "D", 0x00FE: "th", 0x00DE: "TH",
        ]
        let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard table[value] == nil, let scalar = Unicode.Scalar(value), let name = scalar.properties.name else {
                    continue
                }
                if let base = baseLetter(fromName: name) { table[value] = base }
            }
        }
        return table
    }()

    /// "LATIN CAPITAL LETTER A WITH GRAVE" → "A"; "LATIN SMALL LIGATURE OE" → "oe"; nil otherwise.
    static func baseLetter(fromName name: String) -> String? {
        let words = name.split(separator: " ")
        guard words.count >= 4, words[0] == "LATIN", words[2] == "LETTER" || words[2] == "LIGATURE" else { return nil }
        let small: Bool
        switch words[1] {
        case "SMALL": small = true
        case "CAPITAL": small = false
        default: return nil
        }
        let letter = words[3]
        let allowed: Set<Substring> = ["AE", "OE", "IJ", "DZ", "LJ", "NJ"]
        guard letter.count == 1 || allowed.contains(letter) else { return nil }
        guard letter.allSatisfy({ $0 >= "A" && $0 <= "Z" }) else { return nil }
        if words.count > 4, words[4] != "WITH" { return nil }
        return small ? letter.lowercased() : String(letter)
    }
}

/// UTF-8 decoding and encoding of single scalars over valid UTF-8.
enum UTF8Scalars {
    /// The scalar at `offset` and its length in bytes (U+FFFD for a truncated sequence).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard offset + length <= end else { return ("\u{FFFD}", end - offset) }
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for index in 1..<length { value = (value << 6) | UInt32(bytes[offset + index] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (value >> 18)))
            output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
