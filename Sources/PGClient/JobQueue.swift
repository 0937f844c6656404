/// A first-in first-out queue of pool items that also supports removing a database job by id (when its caller's
/// wait expires). Amortised O(1) append and pop.
struct JobQueue: ~Copyable {
    private var storage: [PGPool.Item?] = []
    private var head = 0
    private(set) var count = 0

    mutating func append(_ job: PGPool.Item) {
        storage.append(job)
        count += 1
    }

    mutating func popFirst() -> PGPool.Item? {
        while head < storage.count {
            let job = storage[head]
            storage[head] = nil
            head += 1
            if let job {
                count -= 1
                compactIfNeeded()
                return job
            }
        }
        compactIfNeeded()
        return nil
    }

    mutating func remove(id: Int) -> PGPool.Job? {
        for index in head..<storage.count {
            guard case .database(let job) = storage[index], job.id == id else { continue }
            storage[index] = nil
            count -= 1
            return job
        }
        return nil
    }

    private mutating func compactIfNeeded() {
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024 && head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }
}
