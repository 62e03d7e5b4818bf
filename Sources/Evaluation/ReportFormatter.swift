import Foundation

/// Renders an `EvaluationReport` as aligned text tables, or as JSON.
public struct ReportFormatter: Sendable {
    /// Missed and spurious items listed per layer and kind (0: none).
    public var errorLimit: Int

    /// Creates a formatter.
    public init(errorLimit: Int = 0) {
        self.errorLimit = errorLimit
    }

    /// The text report: a header, one table per scored layer, notes, and discrepancies.
    public func text(_ report: EvaluationReport, title: String? = nil) -> String {
        var lines: [String] = []
        if let title { lines.append("== \(title)") }
        lines.append("gold         \(report.gold) (\(report.format.rawValue), \(report.documents) documents)")
        if let pipeline = report.pipeline { lines.append("pipeline     \(pipeline.joined(separator: ","))") }
        if let predictions = report.predictions { lines.append("predictions  \(predictions)") }
        let unscored = report.missingDocuments.count + report.failedDocuments.count + report.mismatchedDocuments.count
        var coverage = "documents    \(report.documents - unscored) predicted"
        coverage += ", \(report.missingDocuments.count) missing, \(report.failedDocuments.count) failed"
        coverage += ", \(report.mismatchedDocuments.count) with other text"
        if report.extraDocuments > 0 { coverage += ", \(report.extraDocuments) not in the gold (ignored)" }
        lines.append(coverage)
        for (title, ids) in [("missing", report.missingDocuments), ("failed", report.failedDocuments), ("other text", report.mismatchedDocuments)]
        where !ids.isEmpty {
            lines.append("  \(title): \(ids.prefix(10).joined(separator: ", "))\(ids.count > 10 ? ", ..." : "")")
        }
        lines.append("")
        lines += table("entities", report.entities)
        if let quantities = report.quantities {
            lines.append("")
            lines += table("quantities", quantities.spans, micro: false)
            if let kinds = quantities.kinds {
                lines.append("")
                lines += table("quantity kinds", kinds)
            }
            let accuracies = [("kind", quantities.kind), ("value", quantities.value), ("unit", quantities.unit)]
                .filter { $0.1.total > 0 || report.format == .gazette }
                .map { "\($0.0) \(fixed($0.1.accuracy)) (\($0.1.correct)/\($0.1.total))" }
            if !accuracies.isEmpty { lines.append("on exactly matched spans: " + accuracies.joined(separator: ", ")) }
        }
        if let relations = report.relations {
            lines.append("")
            lines += table("relations", relations)
        }
        if !report.notes.isEmpty {
            lines.append("")
            lines += report.notes.map { "note: \($0)" }
        }
        if errorLimit > 0 {
            lines += errors(report.discrepancies)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON report (sorted keys); discrepancies trimmed to `errorLimit` per layer and kind.
    public func json(_ report: EvaluationReport) -> String {
        var trimmed = report
        trimmed.discrepancies = limited(report.discrepancies).flatMap(\.items)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(trimmed) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One aligned table: label, gold, predicted, then exact and overlap P/R/F1.
    public func table(_ title: String, _ table: ScoreTable, micro: Bool = true) -> [String] {
        var rows = table.labels
        if micro, rows.count != 1 || rows.first?.label != "micro" { rows.append(table.micro) }
        let width = max(12, title.count, rows.map(\.label.count).max() ?? 0)
        func pad(_ text: String, _ count: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, count - text.count))
            return left ? text + padding : padding + text
        }
        var lines: [String] = []
        lines.append(pad(title, width + 14, left: true) + pad("exact match", 23) + pad("overlap match", 23))
        lines.append(pad("label", width, left: true) + pad("gold", 7) + pad("pred", 7) + pad("P", 9) + pad("R", 7) + pad("F1", 7)
            + pad("P", 9) + pad("R", 7) + pad("F1", 7))
        for row in rows {
            let exact = row.exact
            let overlap = row.overlap
            lines.append(pad(row.label, width, left: true) + pad("\(row.gold)", 7) + pad("\(row.predicted)", 7)
                + pad(fixed(exact.precision), 9) + pad(fixed(exact.recall), 7) + pad(fixed(exact.f1), 7)
                + pad(fixed(overlap.precision), 9) + pad(fixed(overlap.recall), 7) + pad(fixed(overlap.f1), 7))
        }
        return lines
    }

    /// The discrepancy listing, `errorLimit` per layer and kind.
    public func errors(_ discrepancies: [Discrepancy]) -> [String] {
        var lines: [String] = []
        for group in limited(discrepancies) {
            lines.append("")
            lines.append("\(group.kind.rawValue) \(group.layer): \(group.items.count) of \(group.total)")
            for item in group.items {
                var line = "  \(item.document) \(item.span) \(item.label) \"\(item.text)\""
                if let hint = item.hint { line += " (\(hint))" }
                lines.append(line)
                lines.append("      \(item.context)")
            }
        }
        return lines
    }

    private func limited(_ discrepancies: [Discrepancy]) -> [(layer: String, kind: Discrepancy.Kind, total: Int, items: [Discrepancy])] {
        var order: [String] = []
        var groups: [String: [Discrepancy]] = [:]
        for item in discrepancies {
            let key = "\(item.layer)/\(item.kind.rawValue)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(item)
        }
        let layers = ["entities", "quantities", "relations"]
        order.sort { lhs, rhs in
            let left = (layers.firstIndex { lhs.hasPrefix($0 + "/") } ?? layers.count, lhs.hasSuffix("spurious"))
            let right = (layers.firstIndex { rhs.hasPrefix($0 + "/") } ?? layers.count, rhs.hasSuffix("spurious"))
            return left.0 != right.0 ? left.0 < right.0 : (!left.1 && right.1)
        }
        return order.compactMap { key in
            guard let items = groups[key], let first = items.first, errorLimit > 0 else { return nil }
            return (first.layer, first.kind, items.count, Array(items.prefix(errorLimit)))
        }
    }

    private func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
}
