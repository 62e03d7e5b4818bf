/// A growable byte buffer that the document encoder writes through a raw pointer.
///
/// Each write reserves room for its whole value once (a string reserves its worst case, six
/// output bytes per input byte, a chunk at a time) and then stores bytes without per-byte
/// capacity or uniqueness checks. It writes into memory of its own, or first into storage it is
/// given (an array's, being initialized) until that is full. The owner calls `deallocate()`
/// when done; the buffer is not copied (it is a local of `DocumentEncoder.encode`).
struct JSONBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// True when `base` was allocated here (false while writing into given storage).
    private(set) var ownsStorage = true

    /// Source bytes escaped per reservation, so a long text does not reserve six times its size.
    private static let chunk = 1024

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 256)
        base = .allocate(capacity: self.capacity)
    }

    /// A buffer that writes into `storage` (not owned) while the bytes fit, then moves them to
    /// memory of its own.
    init(external storage: UnsafeMutableBufferPointer<UInt8>) {
        if let start = storage.baseAddress, storage.count > 0 {
            base = start
            capacity = storage.count
            ownsStorage = false
        } else {
            capacity = 256
            base = .allocate(capacity: capacity)
        }
    }

    /// Frees the storage if it is its own; the buffer must not be used afterwards.
    func deallocate() {
        if ownsStorage { base.deallocate() }
    }

    /// The bytes written so far (valid until the next write or `deallocate()`).
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if capacity &- count < extra { grow(extra) }
    }

    @inline(never)
    private mutating func grow(_ extra: Int) {
        let newCapacity = Swift.max(capacity &* 2, count &+ extra)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        if ownsStorage { base.deallocate() }
        base = newBase
        capacity = newCapacity
        ownsStorage = true
    }

    /// Writes one byte.
    @inline(__always)
    mutating func byte(_ value: UInt8) {
        reserve(1)
        base[count] = value
        count &+= 1
    }

    /// Writes bytes as they are.
    @inline(__always)
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { raw($0) }
    }

    /// Writes bytes as they are.
    @inline(__always)
    mutating func raw(_ data: UnsafeBufferPointer<UInt8>) {
        guard let source = data.baseAddress, data.count > 0 else { return }
        reserve(data.count)
        (base + count).initialize(from: source, count: data.count)
        count &+= data.count
    }

    /// Writes bytes as they are.
    mutating func raw(_ data: [UInt8]) {
        data.withUnsafeBufferPointer { raw($0) }
    }

    /// Writes a decimal integer.
    @inline(__always)
    mutating func integer(_ value: Int) {
        reserve(20)
        if value >= 0, value < 10 {
            base[count] = UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0")
            count &+= 1
            return
        }
        longInteger(value)
    }

    /// "00" to "99": two digits per division when writing integers.
    private static let digitPairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    private mutating func longInteger(_ value: Int) {
        var magnitude = value.magnitude
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count &+= 1
        }
        if magnitude < 10_000 {
            // Most offsets and IDs: two to four digits, one division.
            let high = Int(truncatingIfNeeded: magnitude / 100) &* 2
            let low = Int(truncatingIfNeeded: magnitude % 100) &* 2
            Self.digitPairs.withUTF8Buffer { pairs in
                if magnitude >= 1000 {
                    base[count] = pairs[high]
                    base[count &+ 1] = pairs[high &+ 1]
                    count &+= 2
                } else if magnitude >= 100 {
                    base[count] = pairs[high &+ 1]
                    count &+= 1
                }
                if magnitude >= 10 {
                    base[count] = pairs[low]
                    count &+= 1
                }
                base[count] = pairs[low &+ 1]
                count &+= 1
            }
            return
        }
        var digits = 1
        var probe = magnitude
        while probe >= 100 {
            probe /= 100
            digits &+= 2
        }
        if probe >= 10 { digits &+= 1 }
        var position = count &+ digits
        count = position
        Self.digitPairs.withUTF8Buffer { pairs in
            while magnitude >= 100 {
                let pair = Int(truncatingIfNeeded: magnitude % 100) &* 2
                magnitude /= 100
                position &-= 2
                base[position] = pairs[pair]
                base[position &+ 1] = pairs[pair &+ 1]
            }
            if magnitude >= 10 {
                let pair = Int(truncatingIfNeeded: magnitude) &* 2
                position &-= 2
                base[position] = pairs[pair]
                base[position &+ 1] = pairs[pair &+ 1]
            } else {
                position &-= 1
                base[position] = UInt8(truncatingIfNeeded: magnitude) &+ UInt8(ascii: "0")
            }
        }
    }

    /// Writes a JSON string.
    @inline(__always)
    mutating func string(_ value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ string(bytes: $0) }) != nil { return }
        var copy = value
        copy.withUTF8 { string(bytes: $0) }
    }

    /// Writes `"key":` for a key known only at run time (named apart from the static writes,
    /// so a literal never picks this overload).
    mutating func dynamicKey(_ name: String) {
        string(name)
        byte(UInt8(ascii: ":"))
    }

    /// Writes UTF-8 bytes (assumed valid) as a JSON string, escaped as `JSONWriter` does.
    mutating func string(bytes source: UnsafeBufferPointer<UInt8>) {
        let total = source.count
        guard let input = source.baseAddress, total > 0 else {
            raw("\"\"")
            return
        }
        if total <= 16 {
            shortString(input, total)
            return
        }
        // room for the first chunk's worst case (every byte \u00XX) and both quotes
        reserve(Swift.min(total, Self.chunk) &* 6 &+ 2)
        base[count] = UInt8(ascii: "\"")
        count &+= 1
        var index = 0
        while index < total {
            let end = Swift.min(total, index &+ Self.chunk)
            if index > 0 { reserve((end &- index) &* 6 &+ 1) }
            var output = base + count
            while index < end {
                // sixteen, then eight bytes at a time while none needs escaping
                if end &- index >= 16 {
                    let first = UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self)
                    let second = UnsafeRawPointer(input + (index &+ 8)).loadUnaligned(as: UInt64.self)
                    if Self.escapeBits(first) | Self.escapeBits(second) == 0 {
                        UnsafeMutableRawPointer(output).storeBytes(of: first, as: UInt64.self)
                        UnsafeMutableRawPointer(output + 8).storeBytes(of: second, as: UInt64.self)
                        output += 16
                        index &+= 16
                        continue
                    }
                }
                if end &- index >= 8 {
                    let word = UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self)
                    if Self.escapeBits(word) == 0 {
                        UnsafeMutableRawPointer(output).storeBytes(of: word, as: UInt64.self)
                        output += 8
                        index &+= 8
                        continue
                    }
                } else if end >= 8, index < end {
                    // fewer than eight left: check the last eight bytes of the chunk, which
                    // overlap bytes already written; when none needs escaping, those were
                    // written as they are, so storing the word over them is exact
                    let word = UnsafeRawPointer(input + (end &- 8)).loadUnaligned(as: UInt64.self)
                    if Self.escapeBits(word) == 0 {
                        let left = end &- index
                        UnsafeMutableRawPointer(output - (8 &- left)).storeBytes(of: word, as: UInt64.self)
                        output += left
                        index = end
                        continue
                    }
                }
                let byte = input[index]
                index &+= 1
                if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                    output.pointee = byte
                    output += 1
                } else {
                    output = Self.escape(byte, at: output)
                }
            }
            count = output - base
        }
        base[count] = UInt8(ascii: "\"")
        count &+= 1
    }

    /// `string(bytes:)` for 1 to 16 bytes (most keys, labels, names and IDs): two overlapping
    /// words (of eight bytes from 8 bytes on, of four from 4) cover the string; shorter ones,
    /// or ones with a byte to escape, are copied byte by byte.
    @inline(__always)
    private mutating func shortString(_ input: UnsafePointer<UInt8>, _ total: Int) {
        reserve(total &* 6 &+ 2)
        var output = base + count
        output.pointee = UInt8(ascii: "\"")
        output += 1
        if total >= 8 {
            let head = UnsafeRawPointer(input).loadUnaligned(as: UInt64.self)
            let tail = UnsafeRawPointer(input + (total &- 8)).loadUnaligned(as: UInt64.self)
            if Self.escapeBits(head) | Self.escapeBits(tail) == 0 {
                UnsafeMutableRawPointer(output).storeBytes(of: head, as: UInt64.self)
                UnsafeMutableRawPointer(output + (total &- 8)).storeBytes(of: tail, as: UInt64.self)
                output += total
                output.pointee = UInt8(ascii: "\"")
                count = output + 1 - base
                return
            }
        }
        if total >= 4, total < 8 {
            let head = UnsafeRawPointer(input).loadUnaligned(as: UInt32.self)
            let tail = UnsafeRawPointer(input + (total &- 4)).loadUnaligned(as: UInt32.self)
            if Self.escapeBits(head) | Self.escapeBits(tail) == 0 {
                UnsafeMutableRawPointer(output).storeBytes(of: head, as: UInt32.self)
                UnsafeMutableRawPointer(output + (total &- 4)).storeBytes(of: tail, as: UInt32.self)
                output += total
                output.pointee = UInt8(ascii: "\"")
                count = output + 1 - base
                return
            }
        }
        for index in 0..<total {
            let byte = input[index]
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                output.pointee = byte
                output += 1
            } else {
                output = Self.escape(byte, at: output)
            }
        }
        output.pointee = UInt8(ascii: "\"")
        count = output + 1 - base
    }

    /// `escapeBits` for four bytes.
    @inline(__always)
    static func escapeBits(_ word: UInt32) -> UInt32 {
        let ones: UInt32 = 0x0101_0101
        let highs: UInt32 = 0x8080_8080
        let control = ~(((word & ~highs) &+ (0x60 &* ones)) | word)
        let quote = word ^ (0x22 &* ones)
        let backslash = word ^ (0x5C &* ones)
        return (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
    }

    /// Nonzero exactly when one of the word's bytes needs escaping (`JSONWriter.needsEscape`
    /// as bits, so several words are tested with one branch): bit 7 of a byte is set for a byte
    /// below 0x20 (adding 0x60 to its low seven bits leaves bit 7 clear, with no carry out of
    /// the byte) and the classic "has a zero byte" test flags a quote or backslash.
    @inline(__always)
    static func escapeBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = ~(((word & ~highs) &+ (0x60 &* ones)) | word)
        let quote = word ^ (0x22 &* ones)
        let backslash = word ^ (0x5C &* ones)
        return (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
    }

    /// Writes the escape of a quote, backslash or control character; returns the next position.
    private static func escape(_ byte: UInt8, at output: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        output[0] = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            output[1] = byte
        case 0x0A: output[1] = UInt8(ascii: "n")
        case 0x0D: output[1] = UInt8(ascii: "r")
        case 0x09: output[1] = UInt8(ascii: "t")
        case 0x08: output[1] = UInt8(ascii: "b")
        case 0x0C: output[1] = UInt8(ascii: "f")
        default:
            output[1] = UInt8(ascii: "u")
            output[2] = UInt8(ascii: "0")
            output[3] = UInt8(ascii: "0")
            let high = byte >> 4
            let low = byte & 0x0F
            output[4] = high < 10 ? UInt8(ascii: "0") &+ high : UInt8(ascii: "a") &+ (high &- 10)
            output[5] = low < 10 ? UInt8(ascii: "0") &+ low : UInt8(ascii: "a") &+ (low &- 10)
            return output + 6
        }
        return output + 2
    }

    /// Writes `true` or `false`.
    mutating func boolean(_ value: Bool) { value ? raw("true") : raw("false") }
}
