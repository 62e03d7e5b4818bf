/// Converts UTF-8 byte offsets into Unicode code point offsets (what Python's `str` and jq's
/// string slicing use), once per document, at the output edge.
///
/// ASCII text needs no table. Otherwise the map keeps, for every 64-byte block, the code point
/// count at its start and a bit mask of its continuation bytes (10xxxxxx), so a conversion is a
/// table read and a population count, and the map holds a quarter of the text's size.
public struct OffsetMap: Sendable {
    private static let blockShift = 6

    /// One 64-byte block: code points before it, and bit `i` set when its byte `i` continues a
    /// scalar.
    private struct Block: Sendable {
        var before: Int
        var continuations: UInt64
    }

    /// nil when the text is ASCII (offsets are equal); else one entry per block plus one for
    /// the end of the text.
    private let blocks: [Block]?
    private let count: Int

    /// Builds the map for `bytes`.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        count = bytes.count
        guard let base = bytes.baseAddress, !Self.isASCII(base, count: bytes.count) else {
            blocks = nil
            return
        }
        let blockSize = 1 << Self.blockShift
        var table = [Block]()
        table.reserveCapacity(count / blockSize + 2)
        var before = 0
        var start = 0
        while start < count {
            let end = Swift.min(start &+ blockSize, count)
            let mask = Self.continuationMask(base, from: start, to: end)
            table.append(Block(before: before, continuations: mask))
            before &+= (end &- start) &- mask.nonzeroBitCount
            start = end
        }
        table.append(Block(before: before, continuations: 0))
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

    /// Bit `i` set when byte `from + i` (of at most 64) is a continuation byte.
    @inline(__always)
    private static func continuationMask(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        var mask: UInt64 = 0
        var index = from
        var shift: UInt64 = 0
        while index &+ 8 <= to {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // bit 7 set and bit 6 clear: a continuation byte; flags at bits 8k move to bit k
            let flags = (word & ~(word << 1) & highs) >> 7
            let gathered = (flags &* 0x0102_0408_1020_4080) >> 56
            mask |= gathered << shift
            shift &+= 8
            index &+= 8
        }
        while index < to {
            if base[index] & 0xC0 == 0x80 { mask |= 1 << UInt64(index &- from) }
            index &+= 1
        }
        return mask
    }

    /// Code point offset of a byte offset (at a scalar boundary; a byte inside a scalar counts
    /// that scalar as started).
    @inline(__always)
    public func codePoint(_ byteOffset: Int) -> Int {
        guard let blocks else { return byteOffset }
        let offset = max(0, min(byteOffset, count))
        let block = blocks[offset >> Self.blockShift]
        let within = offset & ((1 << Self.blockShift) - 1)
        let below = (UInt64(1) << UInt64(within)) &- 1
        return block.before &+ within &- (block.continuations & below).nonzeroBitCount
    }
}
