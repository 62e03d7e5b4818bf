import GazetteCore

extension EntityRecognizer {
    /// `GazetteerStage.omittedFeatures` as bytes, to test a feature's key without a string.
    static let omittedFeatureKeys: [[UInt8]] = GazetteerStage.omittedFeatures.map { Array($0.utf8) }

    /// The template of entry `id` read straight from its list line, as `template(_:)` makes it
    /// from `CompiledLexicon.entry(_:)` (same label, subtype, canonical reference, features, list
    /// line and `admin1`), without building the entry: the omitted features are never made into
    /// strings or a dictionary only to be removed again.
    ///
    /// Nil for a line this reading does not cover (a feature field that is not ASCII, or any
    /// line `EntryLine.parse` would reject): `template(_:)` then goes through the entry.
    func directTemplate(_ id: LexiconEntryID) -> EntityTemplate? {
        let line = lexicon.rawLine(id)
        let spec = lexicon.lists[lexicon.listIndex(of: id.rawValue)]
        @inline(__always) func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
        }
        var surfaceFields: [Range<Int>] = []
        surfaceFields.reserveCapacity(3)
        // room for every feature field at once (the fields after the first three, at most)
        var tabs = 0
        for byte in line where byte == UInt8(ascii: "\t") { tabs += 1 }
        var features = tabs > 2 ? [String: String](minimumCapacity: tabs - 2) : [:]
        var subtypeFeature: String?
        var admin1: String?
        // an empty feature field is only allowed among the trailing ones (which `EntryLine` drops)
        var sawEmptyFeature = false
        var start = 0
        for index in 0...line.count where index == line.count || line[index] == UInt8(ascii: "\t") {
            var first = start
            var last = index
            start = index + 1
            while first < last, line[first] == UInt8(ascii: " ") { first += 1 }
            while last > first, line[last - 1] == UInt8(ascii: " ") { last -= 1 }
            if surfaceFields.count < 3 {
                guard first < last else { return nil }
                surfaceFields.append(first..<last)
                continue
            }
            guard first < last else {
                sawEmptyFeature = true
                continue
            }
            guard !sawEmptyFeature else { return nil }
            var equals = -1
            for offset in first..<last {
                let byte = line[offset]
                if byte >= 0x80 { return nil }
                if equals < 0, byte == UInt8(ascii: "=") { equals = offset }
            }
            guard equals > first else { return nil }
            let key = UnsafeBufferPointer(rebasing: line[first..<equals])
            @inline(__always) func joined(_ existing: String?) -> String {
                let value = text((equals + 1)..<last)
                guard let existing else { return value }
                return existing + "|" + value
            }
            if Self.omittedFeatureKeys.contains(where: { $0.elementsEqual(key) }) {
                // (read by the template, not copied into its features)
                if key.elementsEqual("subtype".utf8) { subtypeFeature = joined(subtypeFeature) }
                if key.elementsEqual("admin1".utf8) { admin1 = joined(admin1) }
                continue
            }
            // (one look-up for a key seen once, as nearly all are; a repeated key's values are joined)
            let name = text(first..<equals)
            let value = text((equals + 1)..<last)
            if let existing = features.updateValue(value, forKey: name) { features[name] = existing + "|" + value }
        }
        guard surfaceFields.count == 3 else { return nil }
        let canonicalID = text(surfaceFields[2])
        return EntityTemplate(
            label: spec.label.entityLabel ?? .organization, subtype: spec.subtype ?? subtypeFeature,
            canonical: CanonicalReference(name: text(surfaceFields[1]), id: canonicalID == "-" ? nil : canonicalID), features: features,
            lexicon: "\(spec.displayName):\(lexicon.lineNumber(id))", admin1: admin1)
    }
}
