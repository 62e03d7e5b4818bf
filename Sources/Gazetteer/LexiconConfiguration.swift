/// Which lexicons to load: the bundled directory, user directories (`--lexicons DIR`, each with
/// its own `manifest.tsv`) and single list files (`--lexicon FILE`, with a `#!` header; see
/// `ListHeader`), and where to keep the compiled cache.
///
/// Later sources override earlier ones: an entry of a user list hides the bundled (or earlier
/// user) entries with the same surface and label.
public struct LexiconConfiguration: Hashable, Sendable {
    /// Where the compiled binary form is cached.
    public enum Cache: Hashable, Sendable {
        /// `GAZETTE_CACHE_DIR`, else `$XDG_CACHE_HOME/gazette`, else `~/.cache/gazette`
        /// (disabled when `GAZETTE_CACHE_DIR` is `off`).
        case automatic
        /// This directory.
        case directory(String)
        /// Always compile from the TSV lists.
        case disabled
    }

    /// The bundled lexicon directory; nil to load only user lexicons.
    public var bundledDirectory: String?
    /// User lexicon directories, in override order.
    public var directories: [String]
    /// User list files, in override order (after the directories).
    public var files: [String]
    public var cache: Cache

    public init(bundledDirectory: String?, directories: [String] = [], files: [String] = [], cache: Cache = .automatic) {
        self.bundledDirectory = bundledDirectory
        self.directories = directories
        self.files = files
        self.cache = cache
    }

    /// The standard configuration: the bundled lexicons found by `LexiconLocator`, plus user lists.
    public static func standard(directories: [String] = [], files: [String] = []) throws(LexiconError)
        -> LexiconConfiguration
    {
        LexiconConfiguration(bundledDirectory: try LexiconLocator.bundledDirectory(), directories: directories, files: files)
    }

    /// Every list, in load order, with its layer.
    func listSpecs() throws(LexiconError) -> [LexiconListSpec] {
        var specs: [LexiconListSpec] = []
        var layer = 0
        if let bundledDirectory {
            specs += try Manifest.lists(inDirectory: bundledDirectory, displayPrefix: "", layer: layer)
        }
        for directory in directories {
            layer += 1
            specs += try Manifest.lists(inDirectory: directory, displayPrefix: directory, layer: layer)
        }
        for file in files {
            layer += 1
            specs.append(try ListHeader.spec(path: file, layer: layer))
        }
        return specs
    }

    /// The manifests read (their changes invalidate the cache too).
    var manifestPaths: [String] {
        (bundledDirectory.map { [$0] } ?? []).map { FileSystem.join($0, Manifest.fileName) }
            + directories.map { FileSystem.join($0, Manifest.fileName) }
    }

    /// The cache directory to use, or nil.
    var resolvedCacheDirectory: String? {
        switch cache {
        case .disabled:
            return nil
        case let .directory(path):
            return path
        case .automatic:
            if let explicit = FileSystem.environment("GAZETTE_CACHE_DIR") {
                return explicit == "off" ? nil : explicit
            }
            if let xdg = FileSystem.environment("XDG_CACHE_HOME") { return FileSystem.join(xdg, "gazette") }
            if let home = FileSystem.environment("HOME") { return FileSystem.join(home, ".cache/gazette") }
            return nil
        }
    }
}
