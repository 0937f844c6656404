import EmbudoModel
import Logging

/// Odoo's session-based web routes: `/web/session/authenticate`, `/web/session/get_session_info`,
/// `/web/session/destroy` and `/web/dataset/call_kw`. The HTTP layer carries the session token in the
/// `session_id` cookie; here it is just a string.
public struct WebSessionDispatcher: Sendable {
    let rpc: RPCDispatcher
    /// The session store (its lifetime is the cookie's).
    public let sessions: Sessions
    let models: ModelService

    public init(rpc: RPCDispatcher, sessions: Sessions, models: ModelService) {
        self.rpc = rpc
        self.sessions = sessions
        self.models = models
    }

    /// `/web/session/authenticate` with `{db, login, password}`: the session info, and the new token to
    /// set as the cookie (nil when the login failed).
    public func authenticate(_ body: [UInt8], client: String? = nil) async -> (answer: [UInt8], token: String?) {
        let started = LockedBox<String?>(nil)
        let answer = await rpc.answer(body) { params in
            guard let db = params["db"]?.stringValue, let login = params["login"]?.stringValue,
                  let password = params["password"]?.stringValue
            else {
                throw RPCFault.validationError("authenticate expects db, login and password")
            }
            guard db == rpc.databaseName else { throw RPCFault.accessDenied() }
            let user = try await rpc.verify(login: login, client: client) {
                guard let (token, user) = try await sessions.start(login: login, password: password) else { return nil }
                started.value = token
                return user
            }
            guard let user else { throw RPCFault.accessDenied() }
            return .value(try await info(for: user))
        }
        return (answer, started.value)
    }

    /// `/web/session/get_session_info`: the session's info, or SessionExpired.
    public func sessionInfo(_ body: [UInt8], token: String?) async -> [UInt8] {
        await rpc.answer(body) { _ in .value(try await info(for: try await user(token))) }
    }

    /// `/web/session/destroy`: ends the session (the answer has no `result`, as Odoo's).
    public func destroy(_ body: [UInt8], token: String?) async -> [UInt8] {
        await rpc.answer(body) { _ in
            if let token { try await sessions.end(token: token) }
            return .value(.null)
        }
    }

    /// `/web/dataset/call_kw` with `{model, method, args, kwargs}`, as the session's user.
    public func callKW(_ body: [UInt8], token: String?) async -> [UInt8] {
        await rpc.answer(body) { params in
            guard let model = params["model"]?.stringValue, let method = params["method"]?.stringValue else {
                _ = try await user(token)
                throw RPCFault.validationError("call_kw expects model and method")
            }
            let uid = LockedBox<Int?>(nil)
            return try await rpc.observer.observe(model: model, method: method, uid: { uid.value }) {
                let user = try await user(token)
                uid.value = user.id
                var kwargs: [String: JSONValue] = [:]
                if let value = params["kwargs"] {
                    guard case .object(let members) = value else { throw RPCFault.validationError("kwargs must be a dictionary") }
                    kwargs = members
                }
                return try await models.call(model, method, args: params["args"]?.arrayValue ?? [], kwargs: kwargs, user: user)
            }
        }
    }

    private func user(_ token: String?) async throws -> AuthenticatedUser {
        guard let token, let user = try await sessions.user(token: token) else { throw RPCFault.sessionExpired() }
        return user
    }

    /// Odoo's session info.
    func info(for user: AuthenticatedUser) async throws -> JSONValue {
        let companies = try await sessions.companies(of: user)
        let current = user.memberships.first?.companyID
        var allowed: [String: JSONValue] = [:]
        for company in companies { allowed[String(company.id)] = ["id": .int(company.id), "name": .string(company.name)] }
        return [
            "uid": .int(user.id),
            "is_system": false,
            "is_admin": .bool(user.memberships.contains { $0.access == .admin }),
            "user_context": ["lang": .string(user.lang), "tz": .string(user.tz), "uid": .int(user.id)],
            "db": .string(rpc.databaseName),
            "server_version": ServerVersion.serverVersion,
            "server_version_info": ServerVersion.info["server_version_info"] ?? [],
            "name": .string(user.name),
            "username": .string(user.login),
            "partner_id": false,
            "company_id": current.map(JSONValue.int) ?? false,
            "user_companies": ["current_company": current.map(JSONValue.int) ?? false, "allowed_companies": .object(allowed)],
        ]
    }
}

/// A value set inside a closure and read after it (the closure runs before `answer` returns).
final class LockedBox<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>
    init(_ value: Value) { storage = Mutex(value) }
    var value: Value {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}

import Synchronization
