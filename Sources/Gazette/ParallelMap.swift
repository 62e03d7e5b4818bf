import Dispatch
import Synchronization

/// Runs `body` for every index in `0..<count` on `jobs` threads, each index exactly once,
/// and returns the results in index order (so output never depends on the thread count).
func parallelMap<Result>(count: Int, jobs: Int, _ body: (Int) -> Result) -> [Result] {
    if jobs <= 1 || count <= 1 {
        return (0..<count).map(body)
    }
    let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer { slots.deinitialize().deallocate() }
    let shared = SharedSlots(slots: slots)
    let next = Atomic<Int>(0)
    withoutActuallyEscaping(body) { body in
        let work = UncheckedBox(body)
        DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                shared.slots[index] = work.value(index)
            }
        }
    }
    let results = slots.compactMap { $0 }
    precondition(results.count == count, "parallelMap: a slot was not filled")
    return results
}

/// Each slot is written by exactly one thread, and read only after all threads finished.
private struct SharedSlots<Result>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Result?>
}

private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
