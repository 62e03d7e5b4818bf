#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX file operations the gazetteer needs (reading lists, stat-ing them for the cache
/// key, mapping the cache), without Foundation.
enum FileSystem {
    /// Size and modification time of a file.
    struct Status: Hashable, Sendable {
        var size: Int
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
        var isDirectory: Bool
    }

    static func status(_ path: String) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let seconds = Int(info.st_mtimespec.tv_sec)
            let nanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
            let seconds = Int(info.st_mtim.tv_sec)
            let nanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
        return Status(
            size: Int(info.st_size), modifiedSeconds: seconds, modifiedNanoseconds: nanoseconds,
            isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
    }

    static func isFile(_ path: String) -> Bool {
        guard let status = status(path) else { return false }
        return !status.isDirectory
    }

    static func isDirectory(_ path: String) -> Bool { status(path)?.isDirectory ?? false }

    /// The whole file's bytes.
    static func readFile(_ path: String) throws(LexiconError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw .missingFile(path: path, referencedFrom: nil) }
            throw .unreadable(path: path, message: errorMessage(code))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        if let size = status(path)?.size, size > 0 { bytes.reserveCapacity(size + 1) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, message: errorMessage(errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// Writes `bytes` to `path` atomically (a temporary file in the same directory, then rename).
    /// Returns false on any failure (the cache is optional).
    @discardableResult
    static func writeAtomically(_ bytes: [UInt8], to path: String) -> Bool {
        let temporary = "\(path).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Creates `path` and its missing parents; true when it exists afterwards.
    static func makeDirectories(_ path: String) -> Bool {
        if isDirectory(path) { return true }
        let parent = directoryName(path)
        if parent != path, !parent.isEmpty, !isDirectory(parent) { _ = makeDirectories(parent) }
        return mkdir(path, 0o755) == 0 || isDirectory(path)
    }

    /// A read-only memory map of a whole file, or nil.
    static func map(_ path: String) -> (UnsafeRawPointer, Int)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            return nil
        }
        return (UnsafeRawPointer(address), size)
    }

    static func unmap(_ address: UnsafeRawPointer, _ size: Int) {
        munmap(UnsafeMutableRawPointer(mutating: address), size)
    }

    /// The value of an environment variable, if set and not empty.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let string = String(cString: value)
        return string.isEmpty ? nil : string
    }

    /// The current directory.
    static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return string(buffer)
    }

    /// The running executable's path (`/proc/self/exe` on Linux).
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            buffer[count] = 0
            return string(buffer)
        }
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        return absolute(first)
    }

    /// `path` resolved against the current directory when relative.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let current = currentDirectory() else { return path }
        return join(current, path)
    }

    static func join(_ directory: String, _ name: String) -> String {
        if name.hasPrefix("/") { return name }
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The parent directory ("/a/b/c" → "/a/b", "/a" → "/").
    static func directoryName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    private static func string(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func errorMessage(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }
}
