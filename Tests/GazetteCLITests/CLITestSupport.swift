import Foundation

/// Runs the built `gazette` executable (it sits next to the test bundle in the build folder).
enum GazetteBinary {
    /// Path of the `gazette` binary in the same build folder as the running tests.
    static var path: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // the test bundle may be a directory (…/X.xctest/…) on some layouts
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("gazette").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return "gazette"
    }

    /// The package's root folder (holding Package.swift).
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var output: String { String(decoding: stdout, as: UTF8.self) }
        var lines: [String] { output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// Runs `gazette` with `arguments`, feeding `input` on stdin.
    static func run(_ arguments: [String], input: Data? = nil, directory: String? = nil) throws -> Result {
        try runProcess(path, arguments, input: input, directory: directory)
    }

    /// Runs a shell pipeline (`sh -c`), with `$GAZETTE` set to the binary.
    static func shell(_ script: String, directory: String? = nil) throws -> Result {
        try runProcess("/bin/sh", ["-c", script], input: nil, directory: directory, environment: ["GAZETTE": path])
    }

    private static func runProcess(
        _ executable: String, _ arguments: [String], input: Data?, directory: String?,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? packageRoot)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        // read both pipes concurrently so a full pipe never blocks the child
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let input { stdin.fileHandleForWriting.write(input) }
        try? stdin.fileHandleForWriting.close()
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outputData, stderr: String(decoding: errorData, as: UTF8.self))
    }
}

/// A temporary directory removed when the value is dropped.
final class ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "gazette-cli-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

/// Parses one JSON output line.
func jsonObject(_ line: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
}
