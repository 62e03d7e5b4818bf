import Evaluation
import Foundation
import Testing

/// Scores the relations stage on the gold corpus with gold entities and quantities and prints
/// the table (per type, exact match of type, kind and argument spans).
@Suite("Oracle-mention relation score")
struct OracleScoreTests {
    /// Measured F1 0.982 (2026-11-27, after the title-owner, joining, acronym-apposition and
    /// attack-location rules; 0.962 before); the floor is that figure rounded down.
    static let floor = 0.98

    @Test("Relation F1 on Corpus/ with gold mentions stays at or above the floor")
    func oracleScore() throws {
        let report = try OracleCorpus.evaluate()
        guard let relations = report.relations else {
            Issue.record("the gold corpus scores no relations")
            return
        }
        print(ReportFormatter().table("relations (gold entities and quantities)", relations).joined(separator: "\n"))
        if ProcessInfo.processInfo.environment["RELATIONS_ERRORS"] != nil {
            let errors = report.discrepancies.filter { $0.layer == "relations" }
            print(ReportFormatter(errorLimit: 1000).errors(errors).joined(separator: "\n"))
        }
        #expect(relations.micro.exact.f1 >= Self.floor, "relation F1 \(relations.micro.exact.f1) < \(Self.floor)")
    }
}
