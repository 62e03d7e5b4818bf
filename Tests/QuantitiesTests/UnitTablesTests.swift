import Quantities
import Testing

@Suite("Unit tables")
struct UnitTablesTests {
    static let header = "# columns: ...\n"

    @Test("The bundled tables load")
    func bundled() throws {
        _ = try QuantityTestSupport.stage.get()
    }

    @Test("Malformed rows name file and line", arguments: [
        ("units", "km\tkm\tlength\tm\tone thousand\n", "units.tsv:2"),
        ("units", "km\tkm\tlength\n", "units.tsv:2"),
        ("currencies", "$\tdollar\n", "currencies.tsv:2"),
        ("numbers", "twenty\t20\tcardinalish\n", "numbers.tsv:2"),
        ("qualifiers", "about\tapprox\tyes\t1\n", "qualifiers.tsv:2"),
        ("ranges", "between and\trange\t1\t0\n", "ranges.tsv:2"),
    ])
    func malformed(_ table: String, _ row: String, _ location: String) {
        let good = ["units": "m\tm\tlength\tm\t1\n", "currencies": "$\tUSD\n", "numbers": "one\t1\tcardinal\n",
                    "qualifiers": "about\tapprox\t-\t1\n", "ranges": "X-Y\trange\t1\t0\n"]
        var texts = good.mapValues { Self.header + $0 }
        texts[table] = Self.header + row
        do {
            _ = try UnitTables(
                units: texts["units"] ?? "", currencies: texts["currencies"] ?? "", numbers: texts["numbers"] ?? "",
                qualifiers: texts["qualifiers"] ?? "", ranges: texts["ranges"] ?? "")
            Issue.record("expected an error for \(table)")
        } catch {
            #expect(error.description.hasPrefix(location), "\(error)")
        }
    }

    @Test("A missing directory is reported")
    func missing() {
        #expect(throws: UnitTableError.self) { try UnitTables(directory: "/nonexistent/units") }
    }
}
