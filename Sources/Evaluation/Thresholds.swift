/// Score floors, read from a tab-separated file: `set<TAB>metric<TAB>floor` per line, `#`
/// comments and blank lines ignored. Metric names are those of `EvaluationReport.metric(_:)`.
/// Floors are set to what was measured (rounded down) and are only ever raised.
public struct Thresholds: Sendable {
    /// One floor.
    public struct Floor: Hashable, Sendable {
        /// The gold set's name ("corpus", "wikigold", "re3d").
        public var set: String
        /// The metric name.
        public var metric: String
        /// The lowest acceptable value.
        public var floor: Double
        /// Where it was read from.
        public var source: GoldSource
    }

    /// Every floor, in file order.
    public var floors: [Floor]

    /// Parses the file's contents (`file` names it in errors).
    public init(contents: String, file: String) throws(EvaluationError) {
        floors = []
        let lines = contents.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, line) in lines.enumerated() {
            let trimmed = String(line).trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t").map { String($0).trimmingWhitespace() }
            guard fields.count == 3, let floor = Double(fields[2]), (0...1).contains(floor) else {
                throw .malformedLine(file: file, line: index + 1, reason: "expected 'set<TAB>metric<TAB>floor' with a floor in 0...1")
            }
            floors.append(Floor(set: fields[0], metric: fields[1], floor: floor, source: GoldSource(file: file, line: index + 1)))
        }
    }

    /// The floors of one set.
    public func floors(for set: String) -> [Floor] { floors.filter { $0.set == set } }

    /// The failures of a report against its set's floors: a metric below its floor, or a name
    /// the report does not know (a typo must not pass silently).
    public func check(_ report: EvaluationReport, set: String) -> [String] {
        floors(for: set).compactMap { floor in
            guard let value = report.metric(floor.metric) else {
                return "\(floor.source): \(set) has no metric \(floor.metric)"
            }
            // Compare at the precision floors are written in, so 0.53 passes a 0.53 floor.
            if (value * 10_000).rounded() < (floor.floor * 10_000).rounded() {
                return "\(floor.source): \(set) \(floor.metric) = \(format(value)), below its floor \(format(floor.floor))"
            }
            return nil
        }
    }

    private func format(_ value: Double) -> String {
        let scaled = Int((value * 10_000).rounded())
        let fraction = String(scaled % 10_000)
        return "\(scaled / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
