/// Scores predictions against a gold set: entities, quantities and relations, exact and overlap,
/// per label and micro-averaged.
///
/// Predictions are matched to gold documents by ID. A gold document with no prediction, a failed
/// prediction, or a prediction whose text differs from the gold text, scores as all-missed (never
/// skipped). Predicted entities whose label the gold format cannot express are left out.
public struct Evaluator: Sendable {
    /// Entity labels to score (nil: every label the gold format expresses).
    public var entityLabels: Set<String>?
    /// Code points of context either side of a span in discrepancy listings.
    public var contextWidth: Int

    /// Creates an evaluator.
    public init(entityLabels: Set<String>? = nil, contextWidth: Int = 40) {
        self.entityLabels = entityLabels
        self.contextWidth = contextWidth
    }

    /// Scores `predictions` against `gold`.
    public func evaluate(gold: GoldCorpus, predictions: [AnnotatedDocument]) -> EvaluationReport {
        var labels = gold.entityLabels
        if let entityLabels { labels = labels.filter(entityLabels.contains) }
        let scoredLabels = Set(labels)
        var byID: [String: AnnotatedDocument] = [:]
        for prediction in predictions where byID[prediction.id] == nil { byID[prediction.id] = prediction }
        let goldIDs = Set(gold.documents.map(\.id))

        var entities = SpanScorer(layer: "entities", labels: labels, contextWidth: contextWidth)
        var quantitySpans = SpanScorer(layer: "quantities", labels: ["QUANTITY"], contextWidth: contextWidth)
        var quantityKinds = SpanScorer(layer: "quantity kinds", contextWidth: contextWidth)
        var relations = SpanScorer(layer: "relations", contextWidth: contextWidth)
        var kind = Accuracy()
        var value = Accuracy()
        var unit = Accuracy()
        var missing: [String] = []
        var failed: [String] = []
        var mismatched: [String] = []

        for document in gold.documents {
            var prediction = byID[document.id] ?? AnnotatedDocument(id: document.id, text: document.text)
            if byID[document.id] == nil {
                missing.append(document.id)
            } else if prediction.failure != nil {
                failed.append(document.id)
                prediction = AnnotatedDocument(id: document.id, text: document.text)
            } else if prediction.text != document.text {
                mismatched.append(document.id)
                prediction = AnnotatedDocument(id: document.id, text: document.text)
            }
            let context = ContextMaker(text: document.text)

            entities.add(
                document: document, context: context,
                gold: document.entities.filter { scoredLabels.contains($0.label) }.map { item($0, context) },
                predicted: prediction.entities.filter { scoredLabels.contains($0.label) }.map { item($0, context) })

            if gold.scoresQuantities {
                quantitySpans.add(
                    document: document, context: context,
                    gold: document.quantities.map { item($0, label: "QUANTITY", context) },
                    predicted: prediction.quantities.map { item($0, label: "QUANTITY", context) })
                if gold.scoresQuantityDetails {
                    quantityKinds.add(
                        document: document, context: context,
                        gold: document.quantities.map { item($0, label: $0.kind ?? "(none)", context) },
                        predicted: prediction.quantities.map { item($0, label: $0.kind ?? "(none)", context) })
                }
                var predictedBySpan: [Span: QuantityMention] = [:]
                for quantity in prediction.quantities where predictedBySpan[quantity.span] == nil {
                    predictedBySpan[quantity.span] = quantity
                }
                for goldQuantity in document.quantities {
                    guard let predicted = predictedBySpan[goldQuantity.span] else { continue }
                    if let goldKind = goldQuantity.kind { kind.record(predicted.kind == goldKind) }
                    if let goldValue = goldQuantity.value {
                        value.record(predicted.value.map(DecimalValue.canonical) == DecimalValue.canonical(goldValue))
                    }
                    if let goldUnit = goldQuantity.unit { unit.record(predicted.unit == goldUnit) }
                }
            }

            if gold.scoresRelations {
                relations.add(
                    document: document, context: context,
                    gold: document.relations.filter(\.isResolved).map { item($0, context) },
                    predicted: prediction.relations.filter(\.isResolved).map { item($0, context) })
            }
        }

        var notes = gold.notes
        let unresolved = gold.documents.reduce(0) { $0 + $1.relations.filter { !$0.isResolved }.count }
        if unresolved > 0 { notes.append("\(unresolved) gold relations with unresolved arguments not scored") }
        let discrepancies = entities.discrepancies + quantitySpans.discrepancies + relations.discrepancies
        return EvaluationReport(
            gold: gold.path, format: gold.format, documents: gold.documents.count,
            missingDocuments: missing, failedDocuments: failed, mismatchedDocuments: mismatched,
            extraDocuments: Set(byID.keys).subtracting(goldIDs).count,
            entityLabels: labels, entities: entities.table,
            quantities: gold.scoresQuantities
                ? QuantityReport(
                    spans: quantitySpans.table, kinds: gold.scoresQuantityDetails ? quantityKinds.table : nil,
                    kind: kind, value: value, unit: unit)
                : nil,
            relations: gold.scoresRelations ? relations.table : nil,
            notes: notes, discrepancies: discrepancies)
    }

    private func item(_ entity: EntityMention, _ context: ContextMaker) -> ScoredItem {
        ScoredItem(label: entity.label, roles: [""], spans: [entity.span], text: context.text(of: entity.span), source: entity.source)
    }

    private func item(_ quantity: QuantityMention, label: String, _ context: ContextMaker) -> ScoredItem {
        ScoredItem(label: label, roles: [""], spans: [quantity.span], text: context.text(of: quantity.span), source: quantity.source)
    }

    private func item(_ relation: RelationMention, _ context: ContextMaker) -> ScoredItem {
        let spans = relation.arguments.map { $0.span ?? Span(0, 0) }
        let text = zip(relation.arguments, spans).map { "\($0.role)=\(context.text(of: $1))" }.joined(separator: " ")
        return ScoredItem(label: relation.label, roles: relation.arguments.map(\.role), spans: spans, text: text, source: relation.source)
    }
}
