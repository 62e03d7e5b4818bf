import Synchronization

/// The buffers one `MentionIndex` fills for a document, kept from document to document so a
/// thread allocates them once instead of once per document: the text's bytes, the token slots,
/// the entity infos, the mentions and the scan list.
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

    var bytes: [UInt8] = []
    var entities: [EntityInfo] = []
    var mentions: [ArgumentMention] = []
    var scanTokens: [Int] = []
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
