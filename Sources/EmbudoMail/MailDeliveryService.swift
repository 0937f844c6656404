import EmbudoMIME
import Logging
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The outgoing mail worker: until the application shuts down, claims due messages from the
/// `mail_mail` queue, hands each to the relay, and records the outcome — `sent`, a retry after a backoff
/// that doubles with each attempt, or `exception` for a permanent failure or the last attempt.
///
/// It never stops on errors: a database outage is logged and retried after a pause. At graceful shutdown
/// the message being sent is finished; the rest of its batch stays leased and is claimed again once the
/// lease ends.
public struct MailDeliveryService: Service {
    /// The worker's pace.
    public struct Configuration: Sendable {
        /// Messages claimed at once.
        public var batchSize: Int
        /// How long a claimed message is reserved for this worker.
        public var lease: Duration
        /// The pause when nothing was due.
        public var pollInterval: Duration
        /// The wait before the first retry; each further attempt waits twice as long...
        public var retryBase: Duration
        /// ...up to this.
        public var retryLimit: Duration
        /// The domain of generated Message-IDs; nil takes the sender's.
        public var messageIDDomain: String?

        public init(
            batchSize: Int = 20, lease: Duration = .seconds(300), pollInterval: Duration = .seconds(5),
            retryBase: Duration = .seconds(60), retryLimit: Duration = .seconds(3600), messageIDDomain: String? = nil
        ) {
            self.batchSize = batchSize
            self.lease = lease
            self.pollInterval = pollInterval
            self.retryBase = retryBase
            self.retryLimit = retryLimit
            self.messageIDDomain = messageIDDomain
        }

        /// The wait before retrying a message that failed on its `attempt`-th attempt (1-based):
        /// `retryBase`, then twice as long each time, at most `retryLimit`.
        public func retryDelay(afterAttempt attempt: Int) -> Duration {
            var delay = retryBase
            for _ in 1..<max(attempt, 1) {
                delay *= 2
                if delay >= retryLimit { return retryLimit }
            }
            return min(delay, retryLimit)
        }
    }

    /// What one delivery attempt came to.
    public enum DeliveryResult: Sendable, Equatable {
        case sent
        case retry(after: Duration)
        case exception
        /// The outcome could not be recorded (the database failed); the lease will bring it back.
        case unrecorded
    }

    public let queue: MailQueue
    public let transport: any MailTransport
    public let configuration: Configuration
    private let formatter: MessageFormatter
    private let logger: Logger

    public init(queue: MailQueue, transport: any MailTransport, configuration: Configuration = .init(), logger: Logger) {
        self.queue = queue
        self.transport = transport
        self.configuration = configuration
        self.formatter = MessageFormatter(messageIDDomain: configuration.messageIDDomain)
        self.logger = logger
    }

    public func run() async throws {
        var outages = 0
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                // Reminders due now join the queue first (a failure here never stops delivery).
                do { try await queue.queueDueReminders() } catch { logger.error("Meeting reminders: cannot queue them: \(error)") }
                let claimed = try await deliverBatch()
                outages = 0
                if claimed == 0 { await pause(configuration.pollInterval) }
            } catch {
                // PostgreSQL is unreachable or failing: wait longer each time, up to a minute.
                outages += 1
                let wait = min(configuration.pollInterval * (1 << min(outages, 10)), max(configuration.pollInterval, .seconds(60)))
                logger.error("Outgoing mail: cannot claim messages (retrying in \(wait)): \(error)")
                await pause(wait)
            }
        }
    }

    /// Claims one batch and tries each of its messages; returns how many were claimed. Throws only when
    /// the claim itself fails.
    @discardableResult
    public func deliverBatch() async throws -> Int {
        let batch = try await queue.claim(batch: configuration.batchSize, lease: configuration.lease)
        for (index, mail) in batch.enumerated() {
            if Task.isShuttingDownGracefully || Task.isCancelled {
                logger.info("Outgoing mail: stopping; \(batch.count - index) claimed messages wait for their lease to end")
                break
            }
            _ = await deliver(mail)
        }
        return batch.count
    }

    /// Tries one claimed message and records the outcome.
    public func deliver(_ mail: OutgoingMail) async -> DeliveryResult {
        var metadata: Logger.Metadata = ["mail_id": "\(mail.id)", "attempt": "\(mail.attempts)"]
        let failure: (reason: String, permanent: Bool)
        do throws(MailFormatError) {
            let formatted = try formatter.format(mail, secondsSince1970: Int(time(nil)), uniqueID: Self.uniqueID())
            metadata["message_id"] = "\(formatted.messageID)"
            do throws(SMTPError) {
                try await transport.send(formatted)
                return await recordSent(mail, messageID: formatted.messageID, metadata: metadata)
            } catch {
                failure = (error.description, error.isPermanent)
            }
        } catch {
            failure = (error.description, true)
        }
        return await recordFailure(mail, reason: failure.reason, permanent: failure.permanent, metadata: metadata)
    }

    private func recordSent(_ mail: OutgoingMail, messageID: String, metadata: Logger.Metadata) async -> DeliveryResult {
        do {
            try await queue.markSent(mail.id, messageID: messageID)
            logger.info("Outgoing mail \(mail.id) sent", metadata: metadata)
            return .sent
        } catch {
            logger.error("Outgoing mail \(mail.id) was sent but cannot be marked sent; it may be sent again after its lease: \(error)", metadata: metadata)
            return .unrecorded
        }
    }

    private func recordFailure(_ mail: OutgoingMail, reason: String, permanent: Bool, metadata: Logger.Metadata) async -> DeliveryResult {
        let delay = configuration.retryDelay(afterAttempt: mail.attempts)
        do {
            switch try await queue.markFailed(mail.id, reason: reason, retryIn: delay, permanent: permanent) {
            case .retry:
                logger.warning("Outgoing mail \(mail.id) not sent, retrying in \(delay): \(reason)", metadata: metadata)
                return .retry(after: delay)
            case .exception:
                logger.error("Outgoing mail \(mail.id) not sent, giving up\(permanent ? "" : " after \(mail.attempts) attempts"): \(reason)", metadata: metadata)
                return .exception
            case .unchanged:
                logger.warning("Outgoing mail \(mail.id) not sent and no longer outgoing: \(reason)", metadata: metadata)
                return .unrecorded
            }
        } catch {
            logger.error("Outgoing mail \(mail.id) not sent (\(reason)), and the failure cannot be recorded: \(error)", metadata: metadata)
            return .unrecorded
        }
    }

    /// Sleeps, waking early at graceful shutdown.
    private func pause(_ duration: Duration) async {
        _ = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }

    /// 128 random bits in hex, the unique part of a Message-ID.
    static func uniqueID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
