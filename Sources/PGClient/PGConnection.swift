import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One blocking libpq connection.
///
/// A `PGConnection` is deliberately not `Sendable`: libpq allows one thread at a time on a connection,
/// and the way to honour that is to create, use and close a connection on one thread. ``PGPool`` does
/// that with one thread per connection and hands the connection to synchronous closures; async code
/// never holds it.
///
/// Statements run with the extended protocol and bind parameters. With ``Options/preparedStatements``
/// on (the default), each distinct statement text is prepared once per connection and executed by
/// name afterwards, except a query ``PGQuery/plannedPerExecution``, sent unnamed each time with
/// `plan_cache_mode` set to plan it for its values.
public final class PGConnection {
    /// Connection behaviour.
    public struct Options: Sendable {
        /// Prepare each distinct statement once per connection (turn off behind a transaction-mode
        /// pgbouncer older than 1.21, which cannot route prepared statements).
        public var preparedStatements: Bool
        /// How many prepared statements one connection keeps before it deallocates them all.
        public var preparedStatementLimit: Int
        /// Seconds to wait for the server when opening the connection (libpq `connect_timeout`), unless
        /// the connection string says otherwise.
        public var connectTimeout: Int
        /// Receives NOTICE and WARNING messages from the server (libpq prints them to stderr otherwise).
        public var noticeHandler: (@Sendable (String) -> Void)?

        public init(
            preparedStatements: Bool = true,
            preparedStatementLimit: Int = 512,
            connectTimeout: Int = 5,
            noticeHandler: (@Sendable (String) -> Void)? = nil
        ) {
            self.preparedStatements = preparedStatements
            self.preparedStatementLimit = preparedStatementLimit
            self.connectTimeout = connectTimeout
            self.noticeHandler = noticeHandler
        }
    }

    let handle: OpaquePointer
    let options: Options
    private let notices: NoticeBox
    /// Statement text → name of the server-side prepared statement.
    var preparedNames: [String: String] = [:]
    var nextStatementNumber = 0
    /// Statements queued by ``transaction(prelude:readOnly:_:)`` to travel with the next statement.
    var deferred: [PGQuery] = []
    /// Set once the connection has switched to an unprivileged role (see ``isReusable``).
    public var expectsUnprivilegedRole = false

    /// Opens a connection.
    ///
    /// - Parameters:
    ///   - conninfo: a libpq connection string (`host=… dbname=…`) or URL (`postgres://…`); settings it
    ///     leaves out come from libpq's `PG*` environment variables and defaults, so `""` means "from the
    ///     environment".
    ///   - options: connection behaviour.
    /// - Throws: ``PGError`` with code ``PGError/Code/connectionFailed``.
    public init(conninfo: String, options: Options = Options()) throws(PGError) {
        let keywords = ["connect_timeout", "fallback_application_name", "client_encoding", "dbname"]
        let values = [String(options.connectTimeout), "embudo", "UTF8", conninfo]
        let connection: OpaquePointer? = withCStrings(keywords) { keywordPointers in
            withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw PGError(.connectionFailed, message: "out of memory opening a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection))
            PQfinish(connection)
            throw PGError(.connectionFailed, message: message.trimmingTrailingNewlines())
        }
        self.handle = connection
        self.options = options
        self.notices = NoticeBox(handler: options.noticeHandler)
        PQsetNoticeProcessor(connection, { context, message in
            guard let context, let message else { return }
            Unmanaged<NoticeBox>.fromOpaque(context).takeUnretainedValue().handler?(String(cString: message))
        }, Unmanaged.passUnretained(notices).toOpaque())
    }

    deinit {
        PQfinish(handle)
    }

    /// Whether libpq considers the connection usable. A connection whose server went away is only seen
    /// as broken after a statement fails on it.
    public var isConnected: Bool { PQstatus(handle) == CONNECTION_OK }

    /// The transaction state: idle, in a transaction, in a failed transaction, or unknown (broken).
    public var transactionStatus: PGTransactionStatusType { PQtransactionStatus(handle) }

    /// Whether a transaction is open (possibly failed) on this connection.
    public var isInTransaction: Bool {
        let status = transactionStatus
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// The server backend's process id.
    public var backendPID: Int { Int(PQbackendPID(handle)) }

    /// The server's version as an integer (150018 for 15.18).
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// A parameter the server reports (`server_version`, `TimeZone`, `is_superuser`, …).
    public func parameterStatus(_ name: String) -> String? {
        PQparameterStatus(handle, name).map { String(cString: $0) }
    }

    /// Runs one statement with bind parameters and returns its result.
    ///
    /// Inside ``transaction(prelude:readOnly:_:)`` the first statement travels in one round trip with the
    /// transaction's `BEGIN` and prelude.
    @discardableResult
    public func query(_ query: PGQuery) throws(PGError) -> PGResult {
        if !deferred.isEmpty {
            let batch = deferred + [query]
            deferred = []
            return try pipeline(batch).last!
        }
        if query.plannedPerExecution {
            return try pipeline([query])[0]
        }
        if options.preparedStatements {
            let name = try preparedName(for: query.sql)
            return try checked(withParameters(query.parameters) { count, values in
                PQexecPrepared(handle, name, count, values, nil, nil, 0)
            })
        }
        return try checked(withParameters(query.parameters) { count, values in
            PQexecParams(handle, query.sql, count, nil, values, nil, nil, 0)
        })
    }

    /// Runs SQL text without parameters through the simple protocol; the text may hold several
    /// statements (migrations). Returns the last statement's result.
    @discardableResult
    public func execute(_ sql: String) throws(PGError) -> PGResult {
        if !deferred.isEmpty {
            let batch = deferred
            deferred = []
            _ = try pipeline(batch)
        }
        return try checked(PQexec(handle, sql))
    }

    /// Tries to re-establish a broken connection in place. Prepared statements are forgotten, and so is
    /// any role switched to with `SET SESSION ROLE`: a pooled connection is never reset, the pool opens a
    /// new one (and sets it up) instead.
    public func reset() -> Bool {
        PQreset(handle)
        preparedNames = [:]
        deferred = []
        return isConnected
    }

    /// The name of the prepared statement for `sql`, preparing it on first use.
    private func preparedName(for sql: String) throws(PGError) -> String {
        if let name = preparedNames[sql] { return name }
        if preparedNames.count >= options.preparedStatementLimit {
            try execute("DEALLOCATE ALL")
            preparedNames = [:]
        }
        nextStatementNumber += 1
        let name = "embudo_\(nextStatementNumber)"
        _ = try checked(PQprepare(handle, name, sql, 0, nil))
        preparedNames[sql] = name
        return name
    }

    /// Wraps a result, turning error statuses into ``PGError``.
    func checked(_ result: OpaquePointer?) throws(PGError) -> PGResult {
        guard let result else { throw connectionError() }
        let wrapped = PGResult(handle: result)
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_SINGLE_TUPLE, PGRES_PIPELINE_SYNC:
            return wrapped
        default:
            throw error(from: wrapped)
        }
    }

    /// Builds an error from a failed result.
    func error(from result: PGResult) -> PGError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result.handle, code).map { String(cString: $0) }
        }
        guard let sqlState = field(clibpq_diag_sqlstate()) else {
            // No SQLSTATE: libpq itself failed, usually because the connection broke.
            if !isConnected { return connectionError() }
            let message = String(cString: PQresultErrorMessage(result.handle))
            return PGError(.server, message: message.trimmingTrailingNewlines())
        }
        return PGError(
            PGError.Code(sqlState: sqlState),
            sqlState: sqlState,
            message: field(clibpq_diag_message_primary()) ?? "",
            detail: field(clibpq_diag_message_detail()),
            constraint: field(clibpq_diag_constraint_name()),
            table: field(clibpq_diag_table_name()),
            column: field(clibpq_diag_column_name())
        )
    }

    /// The error for a libpq call that failed without a server error: a lost connection, or libpq
    /// refusing the call on a healthy one (too many parameters, a call not allowed in this state).
    func connectionError() -> PGError {
        let message = String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines()
        guard isConnected else { return PGError(.connectionLost, message: message.isEmpty ? "connection lost" : message) }
        return PGError(.client, message: message.isEmpty ? "libpq refused the call" : message)
    }

    /// Whether the connection is in a state to take the next job: connected, idle, out of pipeline
    /// mode, and not running as a superuser (a role switch undone would make it one; PostgreSQL reports
    /// `is_superuser` on every change, so this costs no round trip).
    public var isReusable: Bool {
        isConnected && PQpipelineStatus(handle) == PQ_PIPELINE_OFF && transactionStatus == PQTRANS_IDLE
            && (!expectsUnprivilegedRole || parameterStatus("is_superuser") != "on")
    }

    /// Calls `body` with the parameters as C strings laid out in one buffer.
    func withParameters<R>(
        _ parameters: [String?],
        _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) throws(PGError) -> R {
        if parameters.isEmpty { return body(0, nil) }
        var buffer: [CChar] = []
        var offsets: [Int?] = []
        offsets.reserveCapacity(parameters.count)
        for parameter in parameters {
            guard let parameter else {
                offsets.append(nil)
                continue
            }
            offsets.append(buffer.count)
            for byte in parameter.utf8 {
                guard byte != 0 else {
                    throw PGError(.invalidInput, message: "a text parameter contains a NUL character, which PostgreSQL cannot store")
                }
                buffer.append(CChar(bitPattern: byte))
            }
            buffer.append(0)
        }
        return buffer.withUnsafeBufferPointer { base in
            let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in offset.map { base.baseAddress! + $0 } }
            return pointers.withUnsafeBufferPointer { body(Int32(parameters.count), $0.baseAddress) }
        }
    }
}

/// Holds the notice handler for libpq's C callback.
private final class NoticeBox {
    let handler: (@Sendable (String) -> Void)?
    init(handler: (@Sendable (String) -> Void)?) { self.handler = handler }
}

/// Calls `body` with a NULL-terminated array of C strings.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    var storage = strings.map { strdup($0) }
    defer { storage.forEach { free($0) } }
    storage.append(nil)
    let pointers = storage.map { $0.map { UnsafePointer($0) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return text
    }
}
