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
        guard let base = bytes.baseAddress, !Self.isASCII(base, count: bytes.count) else {
            blocks = nil
            self.bytes = []
            return
        }
        self.bytes = Array(bytes)
        let blockSize = 1 << Self.blockShift
        let count = bytes.count
        var table = [Int32]()
        table.reserveCapacity(count / blockSize + 2)
        var scalars: Int32 = 0
        var start = 0
        while start < count {
            table.append(scalars)
            let end = Swift.min(start &+ blockSize, count)
            scalars &+= Int32(truncatingIfNeeded: Self.scalarStarts(base, from: start, to: end))
            start = end
        }
        table.append(scalars)
        blocks = table
    }

    /// True when no byte has its high bit set (eight bytes at a time).
    private static func isASCII(_ base: UnsafePointer<UInt8>, count: Int) -> Bool {
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index &+ 8 <= count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & highs != 0 { return false }
            index &+= 8
        }
        while index < count {
            if base[index] >= 0x80 { return false }
            index &+= 1
        }
        return true
    }

    /// The number of bytes in `from..<to` that start a scalar (are not 10xxxxxx continuation
    /// bytes), eight bytes at a time.
    @inline(__always)
    private static func scalarStarts(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = from
        var starts = 0
        while index &+ 8 <= to {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // bit 7 set and bit 6 clear: a continuation byte
            let continuations = word & ~(word << 1) & highs
            starts &+= 8 &- continuations.nonzeroBitCount
            index &+= 8
        }
        while index < to {
            if base[index] & 0xC0 != 0x80 { starts &+= 1 }
            index &+= 1
        }
        return starts
    }

    /// Code point offset of a byte offset (at a scalar boundary; a byte inside a scalar counts
    /// that scalar as started).
    @inline(__always)
    public func codePoint(_ byteOffset: Int) -> Int {
        guard let blocks else { return byteOffset }
        let offset = max(0, min(byteOffset, bytes.count))
        let block = offset >> Self.blockShift
        if block >= blocks.count - 1, offset == bytes.count { return Int(blocks[blocks.count - 1]) }
        let start = block << Self.blockShift
        let before = Int(blocks[block])
        if offset == start { return before }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return before }
            return before + Self.scalarStarts(base, from: start, to: offset)
        }
    }
}
