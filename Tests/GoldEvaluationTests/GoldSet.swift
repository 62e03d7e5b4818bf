import Evaluation
import Testing

/// The gold sets `swift test` scores the pipeline on, named as in `thresholds.tsv`.
enum GoldSet: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// The project's own gold corpus (always present).
    case corpus
    /// WikiGold (CoNLL, IOB1), in ../shared/eval.
    case wikigold
    /// re3d development sources (CENTCOM, US State Department), in ../shared/eval.
    case re3d

    var testDescription: String { rawValue }

    /// Path and format, or nil when the shared folder is absent.
    var location: (path: String, format: GoldFormat)? {
        switch self {
        case .corpus:
            return (GoldPaths.corpus, .gazette)
        case .wikigold:
            guard GoldPaths.hasSharedEval else { return nil }
            return (GoldPaths.sharedEval + "/wikigold/wikigold.conll.txt", .conll)
        case .re3d:
            guard GoldPaths.hasSharedEval else { return nil }
            return (GoldPaths.sharedEval + "/re3d", .re3d)
        }
    }

    /// Published figures to compare with (spaCy's small English model on the same files).
    var reference: String? {
        switch self {
        case .corpus: return nil
        case .wikigold: return "reference: spaCy en_core_web_sm, exact micro F1 0.53 (PERSON 0.64, LOCATION 0.63, ORGANIZATION 0.31)"
        case .re3d: return "reference: spaCy en_core_web_sm, PER/LOC/ORG/NATIONALITY exact micro F1 0.36, overlap recall 0.44"
        }
    }
}
