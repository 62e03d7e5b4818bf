import GazetteCore
import Synchronization

/// The entities made from lexicon entries, kept across documents so that each entry's list
/// line is parsed once per process ("Syria" in every document costs one parse). Thread-safe.
final class EntityTemplateCache: Sendable {
    private let entities = Mutex<[UInt32: Entity]>([:])

    /// The cached entity for an entry (its range is a placeholder), or nil.
    func entity(for entry: LexiconEntryID) -> Entity? {
        entities.withLock { $0[entry.rawValue] }
    }

    func store(_ entity: Entity, for entry: LexiconEntryID) {
        entities.withLock { $0[entry.rawValue] = entity }
    }
}
