import EmbudoMIME
import EmbudoDatabase
import EmbudoMail
import EmbudoModel
import EmbudoTestSupport
import Logging
import PGClient
import ServiceLifecycle
import Synchronization
import Testing

/// Stands in for the relay so that the worker's database path can be checked: answers each message with
/// the script's error (or accepts it) and records what it accepted.
final class ScriptedTransport: MailTransport {
    let accepted = Mutex<[FormattedMail]>([])
    let failure: @Sendable (FormattedMail) -> SMTPError?

    init(failure: @escaping @Sendable (FormattedMail) -> SMTPError? = { _ in nil }) {
        self.failure = failure
    }

    func send(_ mail: FormattedMail) async throws(SMTPError) {
        if let error = failure(mail) { throw error }
        accepted.withLock { $0.append(mail) }
    }
}

/// A test database with two companies and their queued mail, inserted as the administrator.
struct QueueFixture {
    let database: TestDatabase
    let admin: PGConnection
    let companies: [Int]
    let db: Database

    init() async throws {
        database = try await TestDatabase.make()
        admin = try database.adminConnection()
        let administration = Administration(connection: admin)
        companies = [try administration.createCompany(named: "Acme").id, try administration.createCompany(named: "Beta").id]
        db = Database(conninfo: database.serviceConninfo, poolSize: 2)
    }

    /// Queues a message; returns its id.
    @discardableResult
    func enqueue(company: Int? = nil, to: String = "Ana <ana@example.com>", subject: String = "Hello", maxAttempts: Int = 5) throws -> Int {
        try admin.query("""
            INSERT INTO mail_mail (company_id, email_from, email_to, subject, body_html, max_attempts)
            VALUES (\(company ?? companies[0]), 'crm@example.com', \(to), \(subject), '<p>Hi</p>', \(maxAttempts)) RETURNING id
            """)[0].decode(Int.self, at: 0)
    }

    /// A message's state, attempts, failure reason, whether sent_at is set, and the seconds until its next
    /// attempt as the last change set them.
    func row(_ id: Int) throws -> (state: String, attempts: Int, failure: String?, sent: Bool, retryIn: Double) {
        let (state, attempts, failure, sent, retryIn) = try admin.query("""
            SELECT state, attempts, failure_reason, sent_at IS NOT NULL, extract(epoch FROM next_attempt_at - write_date)::float8
            FROM mail_mail WHERE id = \(id)
            """)[0].decode((String, Int, String?, Bool, Double).self)
        return (state, attempts, failure, sent, retryIn)
    }

    /// Makes a message due now, as if its retry delay had passed.
    func makeDue(_ id: Int) throws {
        try admin.query("UPDATE mail_mail SET next_attempt_at = now() WHERE id = \(id)")
    }

    func service(_ transport: ScriptedTransport, _ configuration: MailDeliveryService.Configuration = .init(), logger: Logger = Logger(label: "test")) -> MailDeliveryService {
        MailDeliveryService(queue: MailQueue(database: db), transport: transport, configuration: configuration, logger: logger)
    }

    func close() {
        db.shutdown()
        database.drop()
    }
}

/// The delivery worker against a real PostgreSQL: claims, retries with backoff, exceptions, sent.
struct MailDeliveryTests {
    @Test func concurrentClaimersNeverShareAMessage() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.close() }
        var all: Set<Int> = []
        for index in 0..<30 { all.insert(try fixture.enqueue(company: fixture.companies[index % 2])) }
        let pools = (0..<4).map { _ in Database(conninfo: fixture.database.serviceConninfo, poolSize: 1) }
        defer { pools.forEach { $0.shutdown() } }

        let claims = try await withThrowingTaskGroup(of: [OutgoingMail].self) { group in
            for pool in pools {
                group.addTask { try await MailQueue(database: pool).claim(batch: 10, lease: .seconds(300)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let ids = claims.flatMap { $0.map(\.id) }
        #expect(ids.count == Set(ids).count, "a message was claimed twice")
        #expect(Set(ids) == all)
        #expect(claims.allSatisfy { $0.allSatisfy { $0.attempts == 1 } })
        // Leased: nobody gets them again until the lease ends.
        #expect(try await MailQueue(database: fixture.db).claim(batch: 50, lease: .seconds(300)).isEmpty)
    }

    @Test func anExpiredLeaseIsClaimedAgain() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.close() }
        let id = try fixture.enqueue()
        let queue = MailQueue(database: fixture.db)
        #expect(try await queue.claim(batch: 5, lease: .milliseconds(1)).map(\.id) == [id])
        try await Task.sleep(for: .milliseconds(50))
        let again = try await queue.claim(batch: 5, lease: .seconds(300))
        #expect(again.map(\.id) == [id] && again.first?.attempts == 2)
    }

    @Test func deliveredMessageIsSent() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.close() }
        let id = try fixture.enqueue(to: "Ana <ana@example.com>, bob@example.com", subject: "Año nuevo")
        let transport = ScriptedTransport()
        #expect(try await fixture.service(transport).deliverBatch() == 1)
        let row = try fixture.row(id)
        #expect(row.state == "sent" && row.attempts == 1 && row.failure == nil && row.sent)
        let accepted = transport.accepted.withLock { $0 }
        #expect(accepted.map(\.recipients) == [["ana@example.com", "bob@example.com"]])
        #expect(accepted.first?.content.contains("Subject: =?UTF-8?B?") == true)
    }

    @Test func messagesGoOutWithTheMessageIDRecordedWhenQueued() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.close() }
        let id = try fixture.enqueue()
        let recorded = try fixture.admin.query("SELECT message_id FROM mail_mail WHERE id = \(id)")[0].decode(String.self, at: 0)
        #expect(recorded.wholeMatch(of: /[0-9a-f]{32}@example\.com/) != nil)
        let transport = ScriptedTransport()
        #expect(try await fixture.service(transport).deliverBatch() == 1)
        #expect(transport.accepted.withLock { $0.map(\.messageID) } == ["<\(recorded)>"])
        #expect(try fixture.admin.query("SELECT message_id FROM mail_mail WHERE id = \(id)")[0].decode(String.self, at: 0) == recorded)
    }

    @Test func transientFailuresBackOffUntilTheLastAttempt() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.close() }
        let id = try fixture.enqueue(maxAttempts: 3)
        let transport = ScriptedTransport { _ in .rejected(.recipient, SMTPReply(code: 451, lines: ["try later"])) }
        let service = fixture.service(transport, .init(retryBase: .seconds(60), retryLimit: .seconds(3600)))

        #expect(await service.deliver(try #require(await claimOne(fixture))) == .retry(after: .seconds(60)))
        var row = try fixture.row(id)
        #expect(row.state == "outgoing" && row.attempts == 1 && row.retryIn == 60 && row.failure?.contains("451") == true)
        // Not due before its retry time.
        #expect(try await service.deliverBatch() == 0)

        try fixture.makeDue(id)
        #expect(try await service.deliverBatch() == 1)
        row = try fixture.row(id)
        #expect(row.state == "outgoing" && row.attempts == 2 && row.retryIn == 120)

        try fixture.makeDue(id)
        #expect(try await service.deliverBatch() == 1)
        row = try fixture.row(id)
        #expect(row.state == "exception" && row.attempts == 3 && !row.sent && row.failure?.contains("451") == true)

        try fixture.makeDue(id)
        #expect(try await service.deliverBatch() == 0)
        #expect(transport.accepted.withLock { $0.isEmpty })
    }

    @Test func retryDelayDoublesUpToTheLimit() {
        let configuration = MailDeliveryService.Configuration(retryBase: .seconds(60), retryLimit: .seconds(3600))
        #expect((1...8).map { configuration.retryDelay(afterAttempt: $0) } == [60, 120, 240, 480, 960, 1920, 3600, 3600].map { .seconds($0) })
        #expect(configuration.retryDelay(afterAttempt: 1000) == .seconds(3600))
    }

    @Test func permanentFailuresEndAtOnce() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.close() }
        let refused = try fixture.enqueue(to: "nobody@example.com")
        let invalid = try fixture.enqueue(to: "not an address")
        let transport = ScriptedTransport { _ in .rejected(.recipient, SMTPReply(code: 550, lines: ["<nobody@example.com>: no such user"])) }
        #expect(try await fixture.service(transport).deliverBatch() == 2)

        let first = try fixture.row(refused)
        #expect(first.state == "exception" && first.attempts == 1 && first.failure?.contains("550") == true)
        let second = try fixture.row(invalid)
        #expect(second.state == "exception" && second.attempts == 1 && second.failure?.contains("invalid e-mail address") == true)
    }

    @Test func serviceDeliversUntilGracefulShutdown() async throws {
        let fixture = try await QueueFixture()
        defer { fixture.close() }
        let transport = ScriptedTransport()
        let service = fixture.service(transport, .init(pollInterval: .milliseconds(50)))
        let group = ServiceGroup(configuration: .init(services: [service], logger: Logger(label: "test")))
        let running = Task { try await group.run() }

        // Queued while the worker is already polling.
        let id = try fixture.enqueue(company: fixture.companies[1])
        let sent = try await waitUntil { try fixture.row(id).state == "sent" }
        #expect(sent)
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(transport.accepted.withLock { $0.count } == 1)
    }

    @Test func databaseOutageDoesNotStopTheWorker() async throws {
        let log = LogCapture()
        // Nothing listens on port 1.
        let unreachable = Database(conninfo: "host=127.0.0.1 port=1 dbname=none user=none connect_timeout=2", poolSize: 1, acquireTimeout: .seconds(3))
        defer { unreachable.shutdown() }
        let service = MailDeliveryService(
            queue: MailQueue(database: unreachable), transport: ScriptedTransport(),
            configuration: .init(pollInterval: .milliseconds(20)), logger: Logger(label: "test") { _ in log }
        )
        let group = ServiceGroup(configuration: .init(services: [service], logger: Logger(label: "test")))
        let running = Task { try await group.run() }
        let logged = try await waitUntil { log.messages.contains { $0.contains("cannot claim messages") } }
        #expect(logged)
        await group.triggerGracefulShutdown()
        // The worker ends normally: the outage was logged, not thrown.
        try await running.value
    }

    /// Claims the single due message.
    private func claimOne(_ fixture: QueueFixture) async throws -> OutgoingMail? {
        try await MailQueue(database: fixture.db).claim(batch: 1, lease: .seconds(300)).first
    }
}

/// Polls `condition` every 50 ms for up to 30 seconds; whether it became true.
func waitUntil(_ condition: () throws -> Bool) async throws -> Bool {
    for _ in 0..<600 {
        if try condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return false
}

/// A log handler that keeps the messages, to check what the worker logged.
struct LogCapture: LogHandler {
    final class Storage: Sendable {
        let messages = Mutex<[String]>([])
    }

    let storage = Storage()
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    var messages: [String] { storage.messages.withLock { $0 } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        storage.messages.withLock { $0.append(event.message.description) }
    }
}
