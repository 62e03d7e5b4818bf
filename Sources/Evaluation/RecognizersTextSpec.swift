/// The Recognizers-Text English spec files Gazette is scored on, and the floors the issue sets.
public enum RecognizersTextSpec: String, CaseIterable, Sendable, CustomStringConvertible {
    case number = "Number"
    case ordinal = "Ordinal"
    case percent = "Percent"
    case numberRange = "NumberRange"
    case currency = "Currency"
    case dimension = "Dimension"
    case temperature = "Temperature"
    case age = "Age"

    /// The file, relative to the `recognizers-text` folder.
    public var relativePath: String {
        switch self {
        case .number, .ordinal, .percent, .numberRange: return "Number/English/\(rawValue)Model.json"
        case .currency, .dimension, .temperature, .age: return "NumberWithUnit/English/\(rawValue)Model.json"
        }
    }

    public var description: String { rawValue }
}
