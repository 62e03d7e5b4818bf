/// Finds the bundled `Lexicons/` directory at run time.
///
/// In order: the `GAZETTE_LEXICONS` environment variable (a directory holding `manifest.tsv`);
/// then, walking up from the running executable's directory (`/proc/self/exe`, so
/// `.build/release/gazette` finds the repository's `Lexicons/`) and then from the current
/// directory, the first `Lexicons/manifest.tsv` or `share/gazette/Lexicons/manifest.tsv`.
public enum LexiconLocator {
    /// The environment variable naming the lexicon directory.
    public static let environmentVariable = "GAZETTE_LEXICONS"

    /// The bundled lexicon directory.
    public static func bundledDirectory() throws(LexiconError) -> String {
        var searched: [String] = []
        if let explicit = FileSystem.environment(environmentVariable) {
            let directory = FileSystem.absolute(explicit)
            if FileSystem.isFile(FileSystem.join(directory, Manifest.fileName)) { return directory }
            throw .lexiconDirectoryNotFound(searched: ["\(environmentVariable)=\(explicit) (no manifest.tsv there)"])
        }
        var starts: [String] = []
        if let executable = FileSystem.executablePath() { starts.append(FileSystem.directoryName(executable)) }
        if let current = FileSystem.currentDirectory() { starts.append(current) }
        for start in starts {
            searched.append("\(start) and its parents")
            if let found = search(upFrom: start) { return found }
        }
        throw .lexiconDirectoryNotFound(searched: [environmentVariable] + searched)
    }

    /// The first `Lexicons/` (or `share/gazette/Lexicons/`) with a manifest at or above `start`.
    static func search(upFrom start: String) -> String? {
        var directory = start
        for _ in 0..<64 {
            for candidate in ["Lexicons", "share/gazette/Lexicons"] {
                let lexicons = FileSystem.join(directory, candidate)
                if FileSystem.isFile(FileSystem.join(lexicons, Manifest.fileName)) { return lexicons }
            }
            let parent = FileSystem.directoryName(directory)
            if parent == directory { return nil }
            directory = parent
        }
        return nil
    }
}
