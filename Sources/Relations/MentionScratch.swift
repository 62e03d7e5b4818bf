import Synchronization

/// The buffers one `MentionIndex` fills for a document, kept from document to document so a
/// thread allocates them once instead of once per document: the text's bytes, the token slots,
/// the entity infos, the mentions and the scan list, and the alias rules' and relation
/// collector's tables.
///
/// A scratch object serves one index at a time: `MentionScratchPool.take()` lends it to an
/// index's initializer, and the index's `deinit` hands its buffers back and returns it. The
/// arrays are values: one still referenced elsewhere when the next document empties it is
/// simply copied on write, so reuse never changes what an index reads.
final class MentionScratch: @unchecked Sendable {
    /// A token's word ID and covering mention (see `MentionIndex`).
    struct TokenSlot {
        var id: Vocabulary.ID
        var mention: Int32
    }

    // The buffers are moved in and out with `swap`; those accesses are not checked for
    // exclusivity at run time (each check cost about a hundred instructions): one index, on one
    // thread, uses the object at a time, and no access to a buffer overlaps another.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var entities: [EntityInfo] = []
    @exclusivity(unchecked) var mentions: [ArgumentMention] = []
    @exclusivity(unchecked) var scanTokens: [Int] = []
    /// `RelationExtractor.aliasTarget`, and the tables of `findAliases`, its `NamePartIndex`
    /// and the relation collector (handed back by the extractor when it is released).
    @exclusivity(unchecked) var aliasTarget: [Int] = []
    @exclusivity(unchecked) var aliasTable = HashIndex(capacity: 0)
    @exclusivity(unchecked) var nameParts = HashIndex(capacity: 0)
    @exclusivity(unchecked) var seenRelations = HashIndex(capacity: 0)
    /// Room for `slotCapacity` token slots (none allocated until the first document).
    private(set) var slots: UnsafeMutablePointer<TokenSlot>?
    private(set) var slotCapacity = 0

    /// The slot buffer, with room for at least `count` slots (grown, never shrunk).
    func slots(count: Int) -> UnsafeMutablePointer<TokenSlot> {
        if let slots, slotCapacity >= count { return slots }
        slots?.deallocate()
        // Some room to spare, so a slightly longer document does not reallocate.
        let capacity = max(count, 256, slotCapacity * 2)
        let buffer = UnsafeMutablePointer<TokenSlot>.allocate(capacity: capacity)
        slots = buffer
        slotCapacity = capacity
        return buffer
    }

    deinit {
        slots?.deallocate()
    }
}

/// The scratch objects not in use, lent to one `MentionIndex` at a time.
final class MentionScratchPool: Sendable {
    private let idle = Mutex<[MentionScratch]>([])

    /// A scratch object of the caller's own (from the pool, or new).
    func take() -> MentionScratch {
        idle.withLock { $0.popLast() } ?? MentionScratch()
    }

    /// Returns a scratch object taken with `take()`.
    func give(_ scratch: MentionScratch) {
        idle.withLock { $0.append(scratch) }
    }
}
