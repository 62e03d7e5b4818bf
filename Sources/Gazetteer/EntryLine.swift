/// One list line split into its fields: `surface<TAB>canonical name<TAB>canonical id` and then
/// optional `key=value` features, one per field. Surrounding spaces of each field are ignored;
/// an ID of `-` means none.
struct EntryLine {
    var surface: String
    var canonicalName: String
    var canonicalID: String?
    var features: [(key: String, value: String)]

    /// Parses a line, or returns why it is malformed.
    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Result<EntryLine, Malformed> {
        // The fields' byte ranges, surrounding spaces trimmed (an empty range is an empty field).
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(8)
        var start = 0
        for index in 0...line.count where index == line.count || line[index] == UInt8(ascii: "\t") {
            var first = start
            var last = index
            while first < last, line[first] == UInt8(ascii: " ") { first += 1 }
            while last > first, line[last - 1] == UInt8(ascii: " ") { last -= 1 }
            ranges.append(first..<last)
            start = index + 1
        }
        while ranges.count > 3, ranges.last?.isEmpty == true { ranges.removeLast() }
        guard ranges.count >= 3 else {
            return .failure(Malformed(
                reason: "expected at least 3 tab-separated fields (surface, canonical name, canonical id), found \(ranges.count)"))
        }
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
        }
        guard !ranges[0].isEmpty else { return .failure(Malformed(reason: "empty surface form")) }
        guard !ranges[1].isEmpty else { return .failure(Malformed(reason: "empty canonical name")) }
        guard !ranges[2].isEmpty else { return .failure(Malformed(reason: "empty canonical id (write '-' for none)")) }
        var features: [(key: String, value: String)] = []
        features.reserveCapacity(ranges.count - 3)
        for range in ranges[3...] {
            // ASCII (nearly all): split at the first "=" byte, which is the first "=" character
            if !line[range].contains(where: { $0 >= 0x80 }) {
                guard let equals = line[range].firstIndex(of: UInt8(ascii: "=")), equals != range.lowerBound else {
                    return .failure(Malformed(reason: "feature '\(text(range))' is not key=value"))
                }
                features.append((text(range.lowerBound..<equals), text((equals + 1)..<range.upperBound)))
                continue
            }
            // (a "=" followed by a combining mark is no "=" character: strings decide)
            let field = text(range)
            guard let equals = field.firstIndex(of: "="), equals != field.startIndex else {
                return .failure(Malformed(reason: "feature '\(field)' is not key=value"))
            }
            features.append((String(field[..<equals]), String(field[field.index(after: equals)...])))
        }
        let id = text(ranges[2])
        return .success(EntryLine(
            surface: text(ranges[0]), canonicalName: text(ranges[1]), canonicalID: id == "-" ? nil : id,
            features: features))
    }

    /// Why a line is malformed.
    struct Malformed: Error {
        var reason: String
    }
}
