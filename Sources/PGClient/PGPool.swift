import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed-size pool of PostgreSQL connections, each owned by a thread of its own.
///
/// libpq is blocking, and blocking calls must never run on a SwiftNIO event loop or hold up Swift's
/// cooperative thread pool. So each connection lives on a dedicated thread for its whole life; async
/// callers hand the pool a *synchronous* closure (typically a whole transaction) and suspend until a
/// worker has run it. The connection never crosses threads, which is exactly libpq's rule, and needs no
/// `@unchecked Sendable`.
///
/// - Callers wait in a bounded queue; a caller that cannot get a connection within
///   ``Configuration/acquireTimeout`` gets ``PGError/Code/poolTimeout``, and one that finds the queue full
///   ``PGError/Code/poolExhausted``.
/// - A connection found broken after a job is dropped; the next job on that worker opens a new one.
/// - A job that leaves a transaction open has it rolled back before the next job.
public final class PGPool: Sendable {
    /// How the pool connects and queues.
    public struct Configuration: Sendable {
        /// libpq connection string or URL; `""` takes everything from the `PG*` environment variables.
        public var conninfo: String
        /// Number of connections (and threads).
        public var size: Int
        /// How long a caller may wait for a connection.
        public var acquireTimeout: Duration
        /// How many callers may wait at once.
        public var maxWaiting: Int
        /// Options of each connection.
        public var connectionOptions: PGConnection.Options
        /// Runs on every newly opened connection before its first job; an error closes it and fails the
        /// job that was waiting for it.
        public var connectionSetup: (@Sendable (PGConnection) throws -> Void)?
        /// How long an idle worker keeps checking for the next job before it sleeps. A short spin saves a
        /// thread wake-up per call when calls come back to back.
        public var spinDuration: Duration

        public init(
            conninfo: String,
            size: Int = 4,
            acquireTimeout: Duration = .seconds(10),
            maxWaiting: Int = 10_000,
            connectionOptions: PGConnection.Options = .init(),
            connectionSetup: (@Sendable (PGConnection) throws -> Void)? = nil,
            spinDuration: Duration = .microseconds(50)
        ) {
            self.conninfo = conninfo
            self.size = size
            self.acquireTimeout = acquireTimeout
            self.maxWaiting = maxWaiting
            self.connectionOptions = connectionOptions
            self.connectionSetup = connectionSetup
            self.spinDuration = spinDuration
        }
    }

    /// A snapshot of the pool's counters.
    public struct Statistics: Sendable {
        /// Connections (and threads) in the pool.
        public var size: Int
        /// Jobs running now.
        public var busy: Int
        /// Callers waiting for a connection now.
        public var waiting: Int
        /// Connections opened since the pool started (more than `size` means some were replaced).
        public var connectionsOpened: Int
        /// Callers that gave up waiting.
        public var timeouts: Int
    }

    typealias Work = @Sendable (PGConnection?, PGError?) -> Void

    struct Job: Sendable {
        var id: Int
        var work: Work
        var fail: @Sendable (PGError) -> Void
    }

    /// What the workers take from the queue: a database job, or a Swift task job of a task that
    /// prefers the pool as its executor.
    enum Item: Sendable {
        case database(Job)
        case task(UnownedJob)
    }

    struct State: ~Copyable {
        var jobs = JobQueue()
        var nextJobID = 0
        var isShutdown = false
        var busy = 0
        var connectionsOpened = 0
        var timeouts = 0
    }

    /// The configuration the pool was made with.
    public let configuration: Configuration
    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    private let spinners = Atomic<Int>(0)
    private let exited = DispatchSemaphore(value: 0)

    /// Starts the pool's threads. Connections open lazily, on each worker's first job.
    public init(_ configuration: Configuration) {
        precondition(configuration.size > 0, "a pool needs at least one connection")
        self.configuration = configuration
        for _ in 0..<configuration.size {
            Worker.start { [self] in
                self.workerLoop()
                self.exited.signal()
            }
        }
    }

    /// Runs `body` with a connection, on that connection's thread.
    ///
    /// `body` is synchronous on purpose: it cannot `await`, so it holds the connection only for the work
    /// it does. Decode results into `Sendable` values inside it.
    public func withConnection<T: Sendable>(
        _ body: @escaping @Sendable (PGConnection) throws -> T
    ) async throws -> T {
        if let worker = WorkerContext.current, worker.pool === self {
            // The calling task already runs on one of this pool's threads (it prefers the pool as its
            // task executor): use that thread's own connection, with no hop at all.
            return try runInline(on: worker, body)
        }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let work: Work = { connection, error in
                guard let connection else {
                    continuation.resume(throwing: error ?? PGError(.connectionFailed, message: "no connection"))
                    return
                }
                continuation.resume(with: Result { try body(connection) })
            }
            enqueue(work: work, fail: { continuation.resume(throwing: $0) })
        }
    }

    /// Runs `body` in a transaction on a pooled connection (see
    /// ``PGConnection/transaction(prelude:readOnly:_:)``), and runs it again, up to `retries` times, when
    /// PostgreSQL reports a serialization failure or deadlock, or the connection broke before `COMMIT` was
    /// sent: in each case the previous attempt was rolled back.
    public func transaction<T: Sendable>(
        prelude: [PGQuery] = [],
        readOnly: Bool = false,
        retries: Int = 2,
        _ body: @escaping @Sendable (PGConnection) throws -> T
    ) async throws -> T {
        try await retrying(retries) {
            try await withConnection { connection in
                try connection.transaction(prelude: prelude, readOnly: readOnly, body)
            }
        }
    }

    /// Runs one statement in its own transaction on a pooled connection, `BEGIN`, prelude, statement and
    /// `COMMIT` in a single round trip (see ``PGConnection/transaction(prelude:readOnly:single:)``), with the
    /// same retries as ``transaction(prelude:readOnly:retries:_:)``; `decode` reads the result on the
    /// connection's thread.
    public func single<T: Sendable>(
        _ query: PGQuery,
        prelude: [PGQuery] = [],
        readOnly: Bool = false,
        retries: Int = 2,
        _ decode: @escaping @Sendable (PGResult) throws -> T
    ) async throws -> T {
        try await retrying(retries) {
            try await withConnection { connection in
                try decode(try connection.transaction(prelude: prelude, readOnly: readOnly, single: query))
            }
        }
    }

    /// Runs `attempt` again, up to `retries` times, while it fails with a retryable error.
    private func retrying<T>(_ retries: Int, _ attempt: () async throws -> T) async throws -> T {
        var tries = 0
        while true {
            do {
                return try await attempt()
            } catch let error as PGError where tries < retries && Self.isRetryable(error) {
                tries += 1
            }
        }
    }

    /// Whether a failed transaction may run again.
    static func isRetryable(_ error: PGError) -> Bool {
        error.code.isRetryable || (error.code == .connectionLost && !error.outcomeUnknown)
    }

    /// The current counters.
    public var statistics: Statistics {
        state.withLock { state in
            Statistics(
                size: configuration.size, busy: state.busy, waiting: state.jobs.count,
                connectionsOpened: state.connectionsOpened, timeouts: state.timeouts
            )
        }
    }

    /// Stops accepting work, lets queued jobs finish, closes the connections and waits for the threads.
    ///
    /// Blocks the calling thread until the workers are done: call it from a plain thread or after the
    /// last use, never from a task running on the pool itself.
    public func shutdown() {
        precondition(WorkerContext.current?.pool !== self, "PGPool.shutdown() called from one of the pool's own threads")
        let alreadyShutdown = state.withLock { state in
            defer { state.isShutdown = true }
            return state.isShutdown
        }
        guard !alreadyShutdown else { return }
        for _ in 0..<configuration.size { available.signal() }
        for _ in 0..<configuration.size { exited.wait() }
    }

    private func enqueue(work: @escaping Work, fail: @escaping @Sendable (PGError) -> Void) {
        enum Outcome { case queued(id: Int), shutdown, full }
        let outcome = state.withLock { state -> Outcome in
            guard !state.isShutdown else { return .shutdown }
            guard state.jobs.count < configuration.maxWaiting else { return .full }
            state.nextJobID += 1
            state.jobs.append(.database(Job(id: state.nextJobID, work: work, fail: fail)))
            return .queued(id: state.nextJobID)
        }
        switch outcome {
        case .shutdown:
            fail(PGError(.poolShutdown, message: "the connection pool is shut down"))
        case .full:
            fail(PGError(.poolExhausted, message: "too many callers are waiting for a database connection"))
        case .queued(let id):
            available.signal()
            // Every queued job gets its deadline: whether a worker is free cannot be known here, since
            // workers also run the tasks that prefer the pool (those call inline, without queueing).
            scheduleTimeout(for: id)
        }
    }

    /// Fails a job that is still queued when its wait expires.
    private func scheduleTimeout(for id: Int) {
        let nanoseconds = configuration.acquireTimeout.nanoseconds
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in
            let expired = state.withLock { state -> Job? in
                guard let job = state.jobs.remove(id: id) else { return nil }
                state.timeouts += 1
                return job
            }
            expired?.fail(PGError(.poolTimeout, message: "no database connection became free in time"))
        }
    }

    /// Takes the next item, spinning briefly before sleeping.
    private func nextItem() -> Item? {
        if spinners.add(1, ordering: .relaxed).newValue == 1 {
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(configuration.spinDuration.nanoseconds)
            var acquired = false
            while DispatchTime.now().uptimeNanoseconds < deadline {
                if available.wait(timeout: .now()) == .success {
                    acquired = true
                    break
                }
            }
            spinners.subtract(1, ordering: .relaxed)
            if !acquired { available.wait() }
        } else {
            spinners.subtract(1, ordering: .relaxed)
            available.wait()
        }
        return state.withLock { state -> Item? in
            let item = state.jobs.popFirst()
            if case .database = item { state.busy += 1 }
            return item
        }
    }

    private func workerLoop() {
        let worker = WorkerContext(pool: self)
        worker.install()
        while true {
            guard let item = nextItem() else {
                if state.withLock({ $0.isShutdown && $0.jobs.count == 0 }) { return }
                continue  // a timed-out job left a spare signal
            }
            switch item {
            case .task(let job):
                job.runSynchronously(on: asUnownedTaskExecutor())
            case .database(let job):
                do {
                    job.work(try connection(of: worker), nil)
                } catch {
                    job.work(nil, error)
                }
                finishJob(on: worker)
                state.withLock { $0.busy -= 1 }
            }
        }
    }

    /// Runs a job on the calling worker thread's connection.
    private func runInline<T>(on worker: WorkerContext, _ body: (PGConnection) throws -> T) throws -> T {
        state.withLock { $0.busy += 1 }
        defer {
            finishJob(on: worker)
            state.withLock { $0.busy -= 1 }
        }
        return try body(try connection(of: worker))
    }

    /// The worker's connection, opened and set up when it has none or the one it had broke.
    private func connection(of worker: WorkerContext) throws(PGError) -> PGConnection {
        if let connection = worker.connection, connection.isConnected { return connection }
        worker.connection = nil
        let opened = try PGConnection(conninfo: configuration.conninfo, options: configuration.connectionOptions)
        do {
            try configuration.connectionSetup?(opened)
        } catch let error as PGError {
            throw error
        } catch {
            throw PGError(.connectionFailed, message: "connection setup failed: \(error)")
        }
        worker.connection = opened
        state.withLock { $0.connectionsOpened += 1 }
        return opened
    }

    /// After a job: rolls back a transaction the job left open, and drops a connection that is broken or
    /// not fit for the next job (stuck in pipeline mode, or running as a superuser again).
    private func finishJob(on worker: WorkerContext) {
        guard let connection = worker.connection else { return }
        connection.rollbackQuietly()
        if !connection.isReusable {
            worker.connection = nil
        }
    }
}

extension PGPool: TaskExecutor {
    /// Runs Swift task jobs on the pool's threads.
    ///
    /// A task that prefers the pool as its executor (`withTaskExecutorPreference(pool)` or
    /// `group.addTask(executorPreference: pool)`) runs on the pool's threads, and its calls to
    /// ``withConnection(_:)`` then run inline on the thread's own connection: no thread hop, no wake-up,
    /// so a sequence of calls costs what the same calls cost on a plain blocking connection.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let accepted = state.withLock { state -> Bool in
            guard !state.isShutdown else { return false }
            state.jobs.append(.task(job))
            return true
        }
        if accepted {
            available.signal()
        } else {
            // The workers are gone: let the global executor run it rather than lose it.
            DispatchQueue.global().async { job.runSynchronously(on: globalConcurrentExecutor.asUnownedTaskExecutor()) }
        }
    }
}

/// What one pool thread owns: its connection. Reachable from code running on that thread only, through a
/// thread-local pointer, so the connection still never leaves its thread.
final class WorkerContext {
    let pool: PGPool
    var connection: PGConnection?

    init(pool: PGPool) {
        self.pool = pool
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "cannot create a thread-local key")
        return key
    }()

    /// Makes this the context of the calling thread (for as long as the thread lives).
    func install() {
        pthread_setspecific(Self.key, Unmanaged.passUnretained(self).toOpaque())
    }

    /// The context of the calling thread, if it is a pool thread.
    static var current: WorkerContext? {
        pthread_getspecific(key).map { Unmanaged<WorkerContext>.fromOpaque($0).takeUnretainedValue() }
    }
}

extension Duration {
    var nanoseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    }
}
