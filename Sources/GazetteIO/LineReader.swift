#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a file descriptor in large chunks, never holding more than one line (up to
/// a limit) in memory. Lines longer than the limit are skipped to their end and reported.
struct LineReader {
    enum Line {
        /// A line (without its "\n" or "\r\n"), numbered from 1.
        case line(number: Int, bytes: [UInt8])
        /// A line longer than the limit: its number and length in bytes.
        case tooLong(number: Int, length: Int)
        /// A read error.
        case failure(number: Int, message: String)
    }

    private let descriptor: Int32
    private let limit: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var finished = false
    private var lineNumber = 0

    /// A reader of `descriptor`, whose first bytes `prefix` (at most `chunkSize`) were already
    /// read from it.
    init(descriptor: Int32, limit: Int, chunkSize: Int = 1 << 20, prefix: [UInt8] = []) {
        self.descriptor = descriptor
        self.limit = limit
        self.buffer = [UInt8](repeating: 0, count: max(chunkSize, prefix.count))
        buffer.replaceSubrange(0..<prefix.count, with: prefix)
        end = prefix.count
    }

    /// The next line, or nil at the end of the input.
    mutating func next() -> Line? {
        var pending: [UInt8] = []
        var overflow = 0  // bytes of an over-long line seen so far
        while true {
            if start < end {
                let found = buffer.withUnsafeBufferPointer { pointer -> Int? in
                    guard let base = pointer.baseAddress else { return nil }
                    guard let hit = memchr(base + start, 0x0A, end - start) else { return nil }
                    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                if let newline = found {
                    let piece = buffer[start..<newline]
                    start = newline + 1
                    lineNumber += 1
                    if overflow > 0 || pending.count + piece.count > limit {
                        return .tooLong(number: lineNumber, length: overflow + pending.count + piece.count)
                    }
                    pending.append(contentsOf: piece)
                    if pending.last == 0x0D { pending.removeLast() }
                    return .line(number: lineNumber, bytes: pending)
                }
                // no newline in the rest of the buffer: keep it and read more
                let piece = buffer[start..<end]
                if overflow > 0 || pending.count + piece.count > limit {
                    overflow += pending.count + piece.count
                    pending = []
                } else {
                    pending.append(contentsOf: piece)
                }
                start = end
            }
            if finished {
                guard !pending.isEmpty || overflow > 0 else { return nil }
                lineNumber += 1
                if overflow > 0 { return .tooLong(number: lineNumber, length: overflow) }
                if pending.last == 0x0D { pending.removeLast() }
                let last = pending
                pending = []
                return .line(number: lineNumber, bytes: last)
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                finished = true
                return .failure(number: lineNumber + 1, message: String(cString: strerror(errno)))
            }
            if count == 0 {
                finished = true
            }
            start = 0
            end = count
        }
    }
}
