#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes bytes to a file descriptor (standard output by default), retrying short writes.
/// A closed reader (`gazette ... | head -1`) is reported as `OutputSink.Closed`, so the caller
/// can stop quietly; SIGPIPE is ignored once, when the first sink is made.
public struct OutputSink: Sendable {
    /// The reader went away (EPIPE).
    public struct Closed: Error {}
    /// Another write error.
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private let descriptor: Int32

    public init(descriptor: Int32 = 1) {
        self.descriptor = descriptor
        _ = Self.ignoreBrokenPipe
    }

    private static let ignoreBrokenPipe: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            guard var pointer = raw.baseAddress else { return }
            var remaining = raw.count
            while remaining > 0 {
                #if canImport(Glibc)
                    let written = Glibc.write(descriptor, pointer, remaining)
                #elseif canImport(Musl)
                    let written = Musl.write(descriptor, pointer, remaining)
                #else
                    let written = Darwin.write(descriptor, pointer, remaining)
                #endif
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    if errno == EPIPE { throw Closed() }
                    throw Failure(message: String(cString: strerror(errno)))
                }
                remaining -= written
                pointer += written
            }
        }
    }
}
