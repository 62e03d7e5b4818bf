/// Converts UTF-8 byte offsets into Unicode code point offsets (what Python's `str` and jq's
/// string slicing use), once per document, at the output edge.
public struct OffsetMap: Sendable {
    /// nil when the text is ASCII (offsets are equal); else code point index per byte offset.
    private let table: [Int32]?

    /// Builds the map for `bytes`.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            table = nil
            return
        }
        var map = [Int32](repeating: 0, count: bytes.count + 1)
        var scalars: Int32 = 0
        for index in 0..<bytes.count {
            map[index] = scalars
            if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
        }
        map[bytes.count] = scalars
        table = map
    }

    /// Code point offset of a byte offset.
    @inline(__always)
    public func codePoint(_ byteOffset: Int) -> Int {
        guard let table else { return byteOffset }
        return Int(table[max(0, min(byteOffset, table.count - 1))])
    }
}
