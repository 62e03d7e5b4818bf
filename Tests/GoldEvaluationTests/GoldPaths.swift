import Foundation

/// Where the gold sets are, found from this file's path: the package root is two folders up, the
/// shared development sets are `../shared/eval` next to the package (absent in a fresh clone),
/// or the folder named by the `GAZETTE_EVAL_DIR` environment variable.
enum GoldPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = packageRoot.appendingPathComponent("Corpus/news.jsonl").path
    static let thresholds = packageRoot.appendingPathComponent("Tests/GoldEvaluationTests/thresholds.tsv").path
    static let sharedEval = ProcessInfo.processInfo.environment["GAZETTE_EVAL_DIR"] ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/eval").standardizedFileURL.path

    /// True when `../shared/eval` exists.
    static var hasSharedEval: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: sharedEval, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
