/// A pipeline stage: an immutable value, loaded once (resources are read in `init`), safe to use
/// from many threads at once. It reads the layers it requires from the document and adds the
/// layers it produces.
///
/// Stages never import each other: they communicate only through `Document`.
public protocol Stage: Sendable {
    /// Short name, used in `--stages` and in annotations' `source.stage`.
    var name: String { get }
    /// Layers that must have been produced by earlier stages.
    var requires: Set<Layer> { get }
    /// Layers this stage adds.
    var produces: Set<Layer> { get }
    /// Annotates one document. Throwing marks the document as failed (an error record is written).
    func process(_ document: inout Document) throws
}

/// An error raised by a stage for one document.
public struct StageError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: DiagnosticCode
    public var message: String

    public init(code: DiagnosticCode, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
