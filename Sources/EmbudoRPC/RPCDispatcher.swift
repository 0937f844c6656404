import CoreMetrics
import EmbudoDatabase
import EmbudoModel
import Logging
import PGClient

/// Answers Odoo's `/jsonrpc` services, transport-free: a parsed request in, a JSON value or an
/// ``RPCFault`` out.
///
/// - `common`: `version`, `login`, `authenticate`.
/// - `db`: `list`, `server_version`, `db_exist`, `list_lang`; the master-password methods answer
///   AccessDenied (databases are managed with `embudo`, not over the API).
/// - `object`: `execute` and `execute_kw`, model calls checked against `(db, uid, password)`.
public struct RPCDispatcher: Sendable {
    /// The name clients give as `db` (the PostgreSQL database's name).
    public let databaseName: String
    let authenticator: Authenticator
    /// The model layer the `object` service calls.
    public let models: ModelService
    let credentials = CredentialsCache()
    let logger: Logger
    /// Counts, times and logs the object calls.
    public let observer: RPCCallObserver

    /// - Parameters:
    ///   - metrics: where the object calls are counted and timed (the process' `MetricsSystem` unless given).
    ///   - callLogLevel: the level of the line logged per object call (the HTTP application uses `info`).
    public init(
        databaseName: String, authenticator: Authenticator, models: ModelService, logger: Logger,
        metrics: any MetricsFactory = MetricsSystem.factory, callLogLevel: Logger.Level = .debug
    ) {
        self.databaseName = databaseName
        self.authenticator = authenticator
        self.models = models
        self.logger = logger
        self.observer = RPCCallObserver(factory: metrics, registry: models.registry, logger: logger, level: callLogLevel)
    }

    /// The logger of the request being answered (with its request id), else the dispatcher's.
    var requestLogger: Logger { RequestLogger.current ?? logger }

    /// Answers one request body of `/jsonrpc` (always a JSON-RPC answer, never a thrown error).
    /// `client` is the caller's address, logged with failed logins.
    public func jsonrpc(_ body: [UInt8], client: String? = nil) async -> [UInt8] {
        await answer(body) { params in
            guard let service = params["service"]?.stringValue, let method = params["method"]?.stringValue else {
                throw RPCFault.badRequest("params needs service and method")
            }
            let args = params["args"]?.arrayValue ?? []
            switch service {
            case "common": return .value(try await common(method, args, client: client))
            case "db": return .value(try db(method, args))
            case "object": return try await object(method, args, client: client)
            default: throw RPCFault.methodNotFound("The service \(service) is not available")
            }
        }
    }

    /// Answers `/web/webclient/version_info`.
    public func versionInfo(_ body: [UInt8]) async -> [UInt8] {
        await answer(body) { _ in .value(ServerVersion.info) }
    }

    /// Parses the envelope, runs `handle` and wraps its result or fault. Errors that are not faults are
    /// logged and answered generically, so no internal detail reaches the client.
    func answer(_ body: [UInt8], _ handle: ([String: JSONValue]) async throws -> CallResult) async -> [UInt8] {
        let request: JSONRPCEnvelope.Request
        do {
            request = try JSONRPCEnvelope.parse(body)
        } catch {
            return JSONRPCEnvelope.error(error, id: .null)
        }
        do {
            switch try await handle(request.params) {
            case .value(let value): return JSONRPCEnvelope.result(value, id: request.id)
            case .json(let text): return JSONRPCEnvelope.result(json: text, id: request.id)
            }
        } catch {
            return JSONRPCEnvelope.error(fault(for: error, protocol: "JSON-RPC"), id: request.id)
        }
    }

    /// The fault answered for `error` (``RPCFault/classify(_:)``); internal failures and an unavailable
    /// database are logged here, once for every protocol.
    func fault(for error: any Error, protocol name: String) -> RPCFault {
        let detail = (error as? PGError)?.debugDescription ?? String(reflecting: error)
        guard let fault = RPCFault.classify(error) else {
            requestLogger.error("\(name) call failed", metadata: ["error": "\(detail)"])
            return .internalError
        }
        if fault.isDatabaseUnavailable {
            requestLogger.warning("\(name) call failed: database unavailable", metadata: ["error": "\(detail)"])
        }
        return fault
    }

    // MARK: - common

    func common(_ method: String, _ args: [JSONValue], client: String?) async throws -> JSONValue {
        switch method {
        case "version":
            return ServerVersion.info
        case "login", "authenticate":
            guard args.count >= 3, let db = args[0].stringValue, let login = args[1].stringValue,
                  let password = args[2].stringValue
            else {
                throw RPCFault.validationError("\(method) expects [db, login, password\(method == "authenticate" ? ", user_agent_env" : "")]")
            }
            guard db == databaseName else { return false }
            let user = try await verify(login: login, client: client) {
                try await authenticator.authenticate(login: login, password: password)
            }
            return user.map { .int($0.id) } ?? false
        default:
            throw RPCFault.methodNotFound("The method common.\(method) does not exist")
        }
    }

    // MARK: - object

    func object(_ method: String, _ args: [JSONValue], client: String?) async throws -> CallResult {
        guard method == "execute" || method == "execute_kw" else {
            throw RPCFault.methodNotFound("The method object.\(method) does not exist")
        }
        guard args.count >= 5, let db = args[0].stringValue, let uid = args[1].intValue, let password = args[2].stringValue,
              let model = args[3].stringValue, let name = args[4].stringValue
        else {
            throw RPCFault.validationError("\(method) expects [db, uid, password, model, method, …]")
        }
        return try await observer.observe(model: model, method: name, uid: { uid }) {
            guard db == databaseName, Int32(exactly: uid) != nil, let user = try await user(uid, password: password, client: client) else {
                throw RPCFault.accessDenied()
            }
            let positional: [JSONValue]
            var keywords: [String: JSONValue] = [:]
            if method == "execute" {
                positional = Array(args.dropFirst(5))
            } else {
                positional = args.count > 5 ? (args[5].arrayValue ?? [args[5]]) : []
                switch args.count > 6 ? args[6] : .null {
                case .object(let members): keywords = members
                case .null: break
                default: throw RPCFault.validationError("execute_kw expects kwargs as a dictionary")
                }
            }
            do {
                return try await models.call(model, name, args: positional, kwargs: keywords, user: user)
            } catch let error where Self.staleCredentials(error) {
                // The credentials' stamp changed (password, keys, memberships, user disabled) since they were
                // verified, and PostgreSQL refused the call in its first statement, or the cached memberships
                // do not allow the companies asked for: verify them again, and answer with the current access
                // if they are still good (a new API key or access level must not refuse the right password).
                // A refusal by unchanged memberships is final: it costs no password check.
                if error is ModelError, try await authenticator.credentialStamp(userID: uid) == user.credentialStamp {
                    throw error
                }
                credentials.forget(uid)
                guard let current = try await self.user(uid, password: password, client: client) else { throw RPCFault.accessDenied() }
                do {
                    return try await models.call(model, name, args: positional, kwargs: keywords, user: current)
                } catch let error as PGError where error.sqlState == "28P01" {
                    credentials.forget(uid)
                    throw RPCFault.accessDenied()
                }
            }
        }
    }

    /// Whether a failed call may only reflect cached credentials that changed since they were verified.
    static func staleCredentials(_ error: any Error) -> Bool {
        if let error = error as? PGError { return error.sqlState == "28P01" }
        if let error = error as? ModelError { return error.kind == .companyAccess }
        return false
    }

    /// Runs a credentials check and logs a failure with the client's address. Throttling is PostgreSQL's:
    /// the authentication functions count failures per account and refuse attempts while the account
    /// waits (SQLSTATE `EMT01`, answered as AccessDenied with the time to wait), without running bcrypt.
    func verify(login: String, client: String?, _ check: () async throws -> AuthenticatedUser?) async throws -> AuthenticatedUser? {
        do {
            guard let user = try await check() else {
                requestLogger.info("Login failed", metadata: ["login": "\(login)", "client": "\(client ?? "-")"])
                return nil
            }
            return user
        } catch let error as PGError where error.embudoState == .loginThrottled {
            requestLogger.notice("Login refused: the account waits after failed logins", metadata: ["login": "\(login)", "client": "\(client ?? "-")"])
            throw error
        }
    }

    /// The user behind `(uid, password)`, from the cache of recently verified pairs or from PostgreSQL.
    func user(_ uid: Int, password: String, client: String?) async throws -> AuthenticatedUser? {
        if let cached = credentials.user(uid, password: password) { return cached }
        guard let user = try await verify(login: "uid:\(uid)", client: client, { try await authenticator.authenticate(userID: uid, password: password) }) else {
            return nil
        }
        credentials.remember(user, password: password)
        return user
    }

    // MARK: - db

    static let masterPasswordMethods: Set<String> = [
        "create_database", "duplicate_database", "drop", "dump", "restore", "rename",
        "change_admin_password", "migrate_databases",
    ]

    func db(_ method: String, _ args: [JSONValue]) throws -> JSONValue {
        switch method {
        case "list":
            return [.string(databaseName)]
        case "server_version":
            return ServerVersion.serverVersion
        case "db_exist":
            guard let name = args.first?.stringValue else { throw RPCFault.validationError("db_exist expects [db_name]") }
            return .bool(name == databaseName)
        case "list_lang":
            return [["en_US", "English (US)"], ["es_ES", "Spanish / Español"]]
        case _ where Self.masterPasswordMethods.contains(method):
            throw RPCFault.accessDenied()
        default:
            throw RPCFault.methodNotFound("The method db.\(method) does not exist")
        }
    }
}
