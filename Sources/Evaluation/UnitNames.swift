import Foundation

/// Maps the unit names other tools write ("Mile", "Square kilometer", "Canadian dollar", "pound
/// sterling", "Cent") to Gazette's canonical units, by looking them up among the surfaces of
/// `Lexicons/units/units.tsv` and `currencies.tsv` (so the scorer and the stage share one
/// vocabulary, and no mapping is written for one gold file).
public struct UnitNames: Sendable {
    /// A canonical unit and the factor that converts the other tool's value into it (0.01 for
    /// "Cent": 34 cents = 0.34 USD).
    public struct Canonical: Hashable, Sendable {
        public var unit: String
        public var factor: String?
    }

    private var units: [String: Canonical] = [:]
    private var unitsFolded: [String: Canonical] = [:]
    private var currencies: [String: Canonical] = [:]
    private var currenciesFolded: [String: Canonical] = [:]
    /// Each measure unit's dimension and SI factor ("mL" and "cm3": volume, 0.000001).
    private var conversions: [String: String] = [:]

    /// Loads the surfaces from `<directory>/units.tsv` and `<directory>/currencies.tsv`.
    public init(directory: String) throws(EvaluationError) {
        for (file, isCurrency) in [("units.tsv", false), ("currencies.tsv", true)] {
            let path = directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .malformedLine(file: path, line: 0, reason: "cannot read the file")
            }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 2 else { continue }
                let features = fields.count > (isCurrency ? 2 : 5) ? fields[isCurrency ? 2 : 5] : ""
                let factor = features.split(separator: " ").first { $0.hasPrefix("factor=") }.map { String($0.dropFirst(7)) }
                let canonical = Canonical(unit: fields[1], factor: isCurrency ? factor : nil)
                if isCurrency {
                    if currencies[fields[0]] == nil { currencies[fields[0]] = canonical }
                    if currenciesFolded[fields[0].lowercased()] == nil { currenciesFolded[fields[0].lowercased()] = canonical }
                } else {
                    if fields.count >= 5, fields[4] != "-", conversions[fields[1]] == nil {
                        conversions[fields[1]] = fields[2] + " " + fields[3] + " " + fields[4]
                    }
                    if units[fields[0]] == nil { units[fields[0]] = canonical }
                    if unitsFolded[fields[0].lowercased()] == nil { unitsFolded[fields[0].lowercased()] = canonical }
                }
            }
        }
    }

    /// The canonical unit of a measure unit's name ("Mile" → mi, "Square meter" → m2, "F" → °F).
    public func unit(_ name: String) -> Canonical? {
        lookup(name, units, unitsFolded)
    }

    /// True when two canonical units are the same unit under two names (quantulum3 calls a
    /// millilitre a "cubic centimetre"): same dimension, SI unit and factor.
    public func same(_ a: String?, _ b: String?) -> Bool {
        if a == b { return true }
        guard let a, let b, let ca = conversions[a], let cb = conversions[b] else { return false }
        return ca == cb
    }

    /// The currency of a money unit's name ("Dollar" → USD, "Pence" → GBP × 0.01).
    public func currency(_ name: String) -> Canonical? {
        lookup(name, currencies, currenciesFolded)
    }

    private func lookup(_ name: String, _ exact: [String: Canonical], _ folded: [String: Canonical]) -> Canonical? {
        let spaced = name.replacingOccurrences(of: "_", with: " ")
        for candidate in [spaced, spaced + "s", spaced + "es"] {
            if let found = exact[candidate] ?? folded[candidate.lowercased()] { return found }
        }
        // "Square meter" → "square meters"; "Mile per hour" → "miles per hour".
        let words = spaced.split(separator: " ")
        if words.count >= 2 {
            let pluralLast = (words.dropLast() + [words[words.count - 1] + "s"]).joined(separator: " ")
            let pluralFirst = ([words[0] + "s"] + words.dropFirst()).joined(separator: " ")
            for candidate in [pluralLast, pluralFirst] {
                if let found = folded[candidate.lowercased()] { return found }
            }
        }
        return nil
    }
}
