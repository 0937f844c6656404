import EmbudoModel
import Logging

/// Answers Odoo's `/jsonrpc` services, transport-free: a parsed request in, a JSON value or an
/// ``RPCFault`` out.
///
/// - `common`: `version`, `login`, `authenticate`.
/// - `db`: `list`, `server_version`, `db_exist`, `list_lang`; the master-password methods answer
///   AccessDenied (databases are managed with `embudo`, not over the API).
/// - `object`: model calls (`execute`, `execute_kw`) arrive with the model layer.
public struct RPCDispatcher: Sendable {
    /// The name clients give as `db` (the PostgreSQL database's name).
    public let databaseName: String
    let authenticator: Authenticator
    let logger: Logger

    public init(databaseName: String, authenticator: Authenticator, logger: Logger) {
        self.databaseName = databaseName
        self.authenticator = authenticator
        self.logger = logger
    }

    /// Answers one request body of `/jsonrpc` (always a JSON-RPC answer, never a thrown error).
    public func jsonrpc(_ body: [UInt8]) async -> [UInt8] {
        await answer(body) { params in
            guard let service = params["service"]?.stringValue, let method = params["method"]?.stringValue else {
                throw RPCFault.badRequest("params needs service and method")
            }
            let args = params["args"]?.arrayValue ?? []
            switch service {
            case "common": return try await common(method, args)
            case "db": return try db(method, args)
            default: throw RPCFault.methodNotFound("The service \(service) is not available")
            }
        }
    }

    /// Answers `/web/webclient/version_info`.
    public func versionInfo(_ body: [UInt8]) async -> [UInt8] {
        await answer(body) { _ in ServerVersion.info }
    }

    /// Parses the envelope, runs `handle` and wraps its result or fault. Errors that are not faults are
    /// logged and answered generically, so no internal detail reaches the client.
    func answer(_ body: [UInt8], _ handle: ([String: JSONValue]) async throws -> JSONValue?) async -> [UInt8] {
        let request: JSONRPCEnvelope.Request
        do {
            request = try JSONRPCEnvelope.parse(body)
        } catch {
            return JSONRPCEnvelope.error(error, id: .null)
        }
        do {
            return JSONRPCEnvelope.result(try await handle(request.params), id: request.id)
        } catch let fault as RPCFault {
            return JSONRPCEnvelope.error(fault, id: request.id)
        } catch {
            logger.error("JSON-RPC call failed", metadata: ["error": "\(String(reflecting: error))"])
            return JSONRPCEnvelope.error(.internalError, id: request.id)
        }
    }

    // MARK: - common

    func common(_ method: String, _ args: [JSONValue]) async throws -> JSONValue {
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
            guard let user = try await authenticator.authenticate(login: login, password: password) else { return false }
            return .int(user.id)
        default:
            throw RPCFault.methodNotFound("The method common.\(method) does not exist")
        }
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
