import ArgumentParser
import Foundation
import Gazette

/// `gazette`: annotate English news text with entities, quantities and relations.
struct GazetteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Annotate English news text: sentences, tokens, entities, quantities, relations.",
        discussion: """
            Reads .txt files (one document each), .jsonl files (one {"id", "text", ...} object \
            per line), directories (walked recursively, sorted) or standard input (JSON lines), \
            and writes one JSON object per document per line on standard output.
            Exit status: 0 when every document succeeded, 1 when any failed or a path could not \
            be read, 2 on usage errors.
            """,
        subcommands: [AnnotateCommand.self, EvalCommand.self, BenchCommand.self],
        defaultSubcommand: AnnotateCommand.self
    )
}

/// Exit codes of the command.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}

/// A usage problem found after parsing (unknown stage, missing lexicon folder): exit status 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String
}

@main
enum Main {
    static func main() {
        do {
            var command = try GazetteCommand.parseAsRoot()
            try command.run()
        } catch let error as UsageError {
            Stderr.print("gazette: \(error.description)")
            exit(ExitStatus.usage)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = GazetteCommand.exitCode(for: error)
            if code == .success {
                GazetteCommand.exit(withError: error)  // --help, --version: printed on stdout
            }
            let message = GazetteCommand.fullMessage(for: error)
            Stderr.print(message.hasPrefix("Error:") || message.hasPrefix("Usage:") ? message : "gazette: \(message)")
            exit(code == .validationFailure ? ExitStatus.usage : (code == .failure ? ExitStatus.failure : code.rawValue))
        }
        exit(ExitStatus.success)
    }
}

/// Writes to standard error, unbuffered.
enum Stderr {
    static func print(_ message: String) {
        var line = message
        if !line.hasSuffix("\n") { line += "\n" }
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
