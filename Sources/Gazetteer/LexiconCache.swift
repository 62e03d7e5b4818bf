#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The on-disk cache of compiled lexicons: `lexicon-<key>.bin` files in the cache directory,
/// written atomically and memory-mapped when read.
///
/// The key hashes the blob format version, every list's path, policies, layer, size and
/// modification time, and the manifests' sizes and modification times: editing, adding or
/// removing a list, or changing the manifest, makes a new key and so a rebuild. The newest few
/// cache files are kept; older ones are removed.
enum LexiconCache {
    /// How many cache files to keep in a directory.
    static let keep = 4

    static func key(specs: [LexiconListSpec], manifests: [String]) -> UInt64 {
        var description = "gazette-lexicon \(LexiconBlob.version)\n"
        func stamp(_ path: String) -> String {
            guard let status = FileSystem.status(FileSystem.absolute(path)) else { return "missing" }
            return "\(status.size) \(status.modifiedSeconds).\(status.modifiedNanoseconds)"
        }
        for manifest in manifests {
            description += "M\t\(FileSystem.absolute(manifest))\t\(stamp(manifest))\n"
        }
        for spec in specs {
            description += "L\t\(FileSystem.absolute(spec.path))\t\(spec.displayName)\t\(spec.label)\t\(spec.subtype ?? "-")\t"
            description += "\(spec.casePolicy)\t\(spec.diacritics)\t\(spec.priority)\t\(spec.layer)\t\(stamp(spec.path))\n"
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in description.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    static func path(directory: String, key: UInt64) -> String {
        let hex = String(key, radix: 16)
        return FileSystem.join(directory, "lexicon-" + String(repeating: "0", count: 16 - hex.count) + hex + ".bin")
    }

    /// Maps the cache file for `key`, if there is one.
    static func map(directory: String, key: UInt64) -> (UnsafeRawPointer, Int)? {
        FileSystem.map(path(directory: directory, key: key))
    }

    /// Writes the blob for `key` (failures are ignored: the cache is an optimisation) and prunes
    /// old cache files.
    static func store(_ blob: [UInt8], directory: String, key: UInt64) {
        guard FileSystem.makeDirectories(directory) else { return }
        guard FileSystem.writeAtomically(blob, to: path(directory: directory, key: key)) else { return }
        prune(directory)
    }

    private static func prune(_ directory: String) {
        guard let handle = opendir(directory) else { return }
        var files: [(path: String, modified: Int)] = []
        while let item = readdir(handle) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix("lexicon-"), name.hasSuffix(".bin") else { continue }
            let path = FileSystem.join(directory, name)
            if let status = FileSystem.status(path) { files.append((path, status.modifiedSeconds)) }
        }
        closedir(handle)
        guard files.count > keep else { return }
        for file in files.sorted(by: { $0.modified > $1.modified }).dropFirst(keep) { unlink(file.path) }
    }
}
