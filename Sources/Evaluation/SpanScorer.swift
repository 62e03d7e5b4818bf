/// One item to score: a label with one span (entities, quantities) or several role/span pairs
/// (relations). Internal to the scorer.
struct ScoredItem: Hashable {
    var label: String
    var roles: [String]
    var spans: [Span]
    /// Text shown in discrepancy listings.
    var text: String
    var source: GoldSource?

    /// Exact identity: label, roles and spans.
    struct Key: Hashable {
        var label: String
        var roles: [String]
        var spans: [Span]
    }

    var key: Key { Key(label: label, roles: roles, spans: spans) }

    /// The span covering every span of the item.
    var cover: Span {
        Span(spans.map(\.start).min() ?? 0, spans.map(\.end).max() ?? 0)
    }

    /// Same roles, and every span overlaps its counterpart (label not compared).
    func overlaps(_ other: ScoredItem) -> Bool {
        roles == other.roles && spans.count == other.spans.count
            && zip(spans, other.spans).allSatisfy { $0.overlaps($1) }
    }

    static func == (lhs: ScoredItem, rhs: ScoredItem) -> Bool { lhs.key == rhs.key }
    func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// Accumulates exact and overlap matches per label over documents, and lists discrepancies.
/// Duplicate items (same label and spans) count once on each side, as in spaCy's set-based scorer.
struct SpanScorer {
    let layer: String
    let contextWidth: Int
    private(set) var rows: [String: LabelScore] = [:]
    private(set) var discrepancies: [Discrepancy] = []

    init(layer: String, labels: [String] = [], contextWidth: Int = 40) {
        self.layer = layer
        self.contextWidth = contextWidth
        for label in labels { rows[label] = Self.empty(label) }
    }

    static func empty(_ label: String) -> LabelScore {
        LabelScore(label: label, gold: 0, predicted: 0, exactMatches: 0, overlapGoldFound: 0, overlapPredictedCorrect: 0)
    }

    /// Scores one document. `document` supplies the text for contexts.
    mutating func add(document: AnnotatedDocument, context: ContextMaker, gold: [ScoredItem], predicted: [ScoredItem]) {
        let gold = Self.unique(gold)
        let predicted = Self.unique(predicted)
        let goldKeys = Set(gold.map(\.key))
        let predictedKeys = Set(predicted.map(\.key))
        for item in gold {
            var row = rows[item.label] ?? Self.empty(item.label)
            row.gold += 1
            if predictedKeys.contains(item.key) {
                row.exactMatches += 1
            } else {
                discrepancies.append(discrepancy(.missed, item, document, context, hint: hint(for: item, among: predicted, side: "predicted")))
            }
            if predicted.contains(where: { $0.label == item.label && $0.overlaps(item) }) { row.overlapGoldFound += 1 }
            rows[item.label] = row
        }
        for item in predicted {
            var row = rows[item.label] ?? Self.empty(item.label)
            row.predicted += 1
            if !goldKeys.contains(item.key) {
                discrepancies.append(discrepancy(.spurious, item, document, context, hint: hint(for: item, among: gold, side: "gold")))
            }
            if gold.contains(where: { $0.label == item.label && $0.overlaps(item) }) { row.overlapPredictedCorrect += 1 }
            rows[item.label] = row
        }
    }

    /// The per-label table.
    var table: ScoreTable { ScoreTable(labels: Array(rows.values)) }

    private static func unique(_ items: [ScoredItem]) -> [ScoredItem] {
        var seen = Set<ScoredItem.Key>()
        return items.filter { seen.insert($0.key).inserted }
    }

    /// What the other side has at this place: the same spans with another label, or an
    /// overlapping item.
    private func hint(for item: ScoredItem, among others: [ScoredItem], side: String) -> String? {
        if let same = others.first(where: { $0.roles == item.roles && $0.spans == item.spans && $0.label != item.label }) {
            return "\(side) as \(same.label)"
        }
        if let near = others.first(where: { $0.overlaps(item) }) {
            return "partial: \(side) \(near.label) \(near.cover) \"\(near.text)\""
        }
        return nil
    }

    private func discrepancy(
        _ kind: Discrepancy.Kind, _ item: ScoredItem, _ document: AnnotatedDocument, _ context: ContextMaker, hint: String?
    ) -> Discrepancy {
        Discrepancy(
            layer: layer, kind: kind, document: document.id, label: item.label, span: item.cover, text: item.text,
            context: context.context(of: item.cover, width: contextWidth), hint: hint,
            source: kind == .missed ? item.source : nil)
    }
}

/// Cuts contexts and span texts out of one document's text by code point offsets.
struct ContextMaker {
    let scalars: [Unicode.Scalar]

    init(text: String) { scalars = Array(text.unicodeScalars) }

    /// The text of a span (clamped).
    func text(of span: Span) -> String {
        let lower = max(0, min(span.start, scalars.count))
        let upper = max(lower, min(span.end, scalars.count))
        return string(lower..<upper)
    }

    /// `…left [[span]] right…`, `width` code points either side, newlines as spaces.
    func context(of span: Span, width: Int) -> String {
        let lower = max(0, min(span.start, scalars.count))
        let upper = max(lower, min(span.end, scalars.count))
        let from = max(0, lower - width)
        let to = min(scalars.count, upper + width)
        let text = (from > 0 ? "…" : "") + string(from..<lower) + "[[" + string(lower..<upper) + "]]"
            + string(upper..<to) + (to < scalars.count ? "…" : "")
        return String(text.map { $0.isNewline ? " " : $0 })
    }

    private func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}
