/// The entity templates that the rules of one thread have looked up, kept with that thread's
/// `RecognitionBuffers`: a direct-mapped table (a slot per hash, a newer entry replacing an older
/// one) read and written without a lock, in front of the shared, locked `EntityTemplateCache`.
///
/// Only one document's rules use a cache at a time (the buffer pool lends it out whole), which is
/// what makes the unlocked access safe. Slots are found by masking, so no look-up leaves the table.
///
/// The slots do not own their templates: every template stored here is also in the recognizer's
/// shared `EntityTemplateCache`, which keeps it for the recognizer's life. So a look-up hands out
/// an unretained reference, read without reference counting.
final class LocalTemplateCache: @unchecked Sendable {
    /// Slots (a power of two).
    static let capacity = 4096
    /// The entry in each slot (`UInt32.max`: none).
    private let keys: UnsafeMutablePointer<UInt32>
    /// The template in each slot whose key is set (unowned: see above).
    private let values: UnsafeMutablePointer<Unmanaged<EntityTemplate>>

    init() {
        keys = UnsafeMutablePointer<UInt32>.allocate(capacity: Self.capacity)
        keys.initialize(repeating: UInt32.max, count: Self.capacity)
        // (slots without a key are never read: left uninitialized, which a trivial type allows)
        values = UnsafeMutablePointer<Unmanaged<EntityTemplate>>.allocate(capacity: Self.capacity)
    }

    deinit {
        values.deallocate()
        keys.deallocate()
    }

    @inline(__always)
    private static func slot(_ key: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & (capacity - 1)
    }

    /// The template cached for `entry` (unretained: the shared cache keeps it), or nil.
    @inline(__always)
    func template(for entry: LexiconEntryID) -> Unmanaged<EntityTemplate>? {
        let slot = Self.slot(entry.rawValue)
        return keys[slot] == entry.rawValue ? values[slot] : nil
    }

    /// Templates made for the document being recognised (acronym definitions, short forms),
    /// which its proposals hold unowned: kept here until `releaseKept()`.
    private var kept: [EntityTemplate] = []

    /// Keeps `template` alive until `releaseKept()`.
    func keep(_ template: EntityTemplate) {
        kept.append(template)
    }

    /// Lets the kept templates go (the document's entities are built).
    func releaseKept() {
        if !kept.isEmpty { kept.removeAll(keepingCapacity: true) }
    }

    /// Caches `template` for `entry` (in place of whatever shared its slot): a template the
    /// recognizer's shared cache holds.
    func store(_ template: EntityTemplate, for entry: LexiconEntryID) {
        // (UInt32.max marks an empty slot: that entry is not cached)
        guard entry.rawValue != UInt32.max else { return }
        let slot = Self.slot(entry.rawValue)
        keys[slot] = entry.rawValue
        values[slot] = Unmanaged.passUnretained(template)
    }
}
