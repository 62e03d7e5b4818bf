/// Converts UTF-8 byte offsets into Unicode code point offsets (what Python's `str` and jq's
/// string slicing use), once per document, at the output edge.
///
/// ASCII text needs no table. Otherwise the map keeps the code point count at the start of
/// every 64-byte block and a copy of the bytes, and counts the rest of a block on demand, so even
/// very large documents convert cheaply (about 1.06 times the text's size in memory).
public struct OffsetMap: Sendable {
    private static let blockShift = 6
    /// nil when the text is ASCII (offsets are equal); else code points before each block.
    private let blocks: [Int32]?
    private let bytes: [UInt8]

    /// Builds the map for `bytes`.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            blocks = nil
            self.bytes = []
            return
        }
        self.bytes = Array(bytes)
        let blockSize = 1 << Self.blockShift
        var table = [Int32]()
        table.reserveCapacity(bytes.count / blockSize + 1)
        var scalars: Int32 = 0
        for index in 0..<bytes.count {
            if index & (blockSize - 1) == 0 { table.append(scalars) }
            if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
        }
        table.append(scalars)
        blocks = table
    }

    /// Code point offset of a byte offset (at a scalar boundary; a byte inside a scalar counts
    /// that scalar as started).
    @inline(__always)
    public func codePoint(_ byteOffset: Int) -> Int {
        guard let blocks else { return byteOffset }
        let offset = max(0, min(byteOffset, bytes.count))
        let block = offset >> Self.blockShift
        if block >= blocks.count - 1, offset == bytes.count { return Int(blocks[blocks.count - 1]) }
        var count = Int(blocks[block])
        var index = block << Self.blockShift
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }
}
