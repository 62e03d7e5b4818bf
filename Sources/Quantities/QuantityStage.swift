import GazetteCore
import Synchronization

/// The quantities stage: numbers in digits and words, ordinals, fractions, percentages, money,
/// measures, ranges and bound qualifiers, and the nouns cardinals count.
///
/// Requires `tokens`, produces `quantities`. Units, currencies, number words, qualifiers and
/// range patterns come from the `Lexicons/units` tables (`UnitTables`), loaded once in `init`;
/// the stage is an immutable value, safe to share across threads. Values are exact decimal
/// strings computed with `ExactNumber` (no floating point).
public struct QuantityStage: Stage {
    /// "quantities".
    public let name = "quantities"
    /// The stage reads tokens.
    public let requires: Set<Layer> = [.tokens]
    /// The stage writes quantities.
    public let produces: Set<Layer> = [.quantities]
    /// The loaded tables.
    public let tables: UnitTables
    /// The scanners' atom buffers, reused from document to document.
    private let atomPool = AtomBufferPool()

    /// Loads the tables from `directory` (`<Lexicons>/units`).
    public init(directory: String) throws(UnitTableError) {
        self.tables = try UnitTables(directory: directory)
    }

    /// Uses already loaded tables.
    public init(tables: UnitTables) {
        self.tables = tables
    }

    /// Finds the quantities of a tokenized document (replacing its `quantities` layer).
    public func process(_ document: inout Document) throws {
        let tokens = document.tokens
        guard !tokens.isEmpty else {
            document.quantities = []
            return
        }
        let tables = self.tables
        var atoms = atomPool.take()
        document.quantities = document.withUTF8 { bytes in
            QuantityScanner(tables: tables, bytes: bytes, tokens: tokens).scan(reusing: &atoms)
        }
        atomPool.give(atoms)
    }
}

/// Atom buffers not in use, lent to one scan at a time (a buffer has room for the atoms of the
/// longest document it served).
final class AtomBufferPool: Sendable {
    private let idle = Mutex<[[Atom]]>([])

    /// A buffer of the caller's own (from the pool, or empty).
    func take() -> [Atom] {
        idle.withLock { $0.popLast() } ?? []
    }

    /// Returns a buffer; one that never held an atom is not kept.
    func give(_ atoms: [Atom]) {
        guard atoms.capacity > 0 else { return }
        idle.withLock { $0.append(atoms) }
    }
}
