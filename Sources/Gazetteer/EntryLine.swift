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
        var fields: [String] = []
        var start = 0
        for index in 0...line.count where index == line.count || line[index] == UInt8(ascii: "\t") {
            var first = start
            var last = index
            while first < last, line[first] == UInt8(ascii: " ") { first += 1 }
            while last > first, line[last - 1] == UInt8(ascii: " ") { last -= 1 }
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: line[first..<last]), as: UTF8.self))
            start = index + 1
        }
        while fields.count > 3, fields.last?.isEmpty == true { fields.removeLast() }
        guard fields.count >= 3 else {
            return .failure(Malformed(
                reason: "expected at least 3 tab-separated fields (surface, canonical name, canonical id), found \(fields.count)"))
        }
        guard !fields[0].isEmpty else { return .failure(Malformed(reason: "empty surface form")) }
        guard !fields[1].isEmpty else { return .failure(Malformed(reason: "empty canonical name")) }
        guard !fields[2].isEmpty else { return .failure(Malformed(reason: "empty canonical id (write '-' for none)")) }
        var features: [(key: String, value: String)] = []
        for field in fields[3...] {
            guard let equals = field.firstIndex(of: "="), equals != field.startIndex else {
                return .failure(Malformed(reason: "feature '\(field)' is not key=value"))
            }
            features.append((String(field[..<equals]), String(field[field.index(after: equals)...])))
        }
        return .success(EntryLine(
            surface: fields[0], canonicalName: fields[1], canonicalID: fields[2] == "-" ? nil : fields[2],
            features: features))
    }

    /// Why a line is malformed.
    struct Malformed: Error {
        var reason: String
    }
}
