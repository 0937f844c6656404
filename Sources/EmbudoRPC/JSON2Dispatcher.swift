import EmbudoModel
import Logging
import PGClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Odoo 19's JSON-2 API: `POST /json/2/<model>/<method>` with `Authorization: bearer <api key>`, an
/// optional `X-Odoo-Database`, named arguments in the body (`ids`, `context`, and the method's
/// parameters, e.g. `vals_list` for `create`). Answers are the bare JSON result; errors use HTTP status
/// codes (401 bad key, 403 not allowed, 404 unknown model, method or record, 422 invalid arguments) with
/// Odoo's exception object as the body.
public struct JSON2Dispatcher: Sendable {
    let rpc: RPCDispatcher

    public init(rpc: RPCDispatcher) {
        self.rpc = rpc
    }

    /// An HTTP answer.
    public struct Answer: Sendable {
        public var status: Int
        public var body: [UInt8]
        /// How the call ended, for metrics and logs: `ok` or the fault's short name.
        var outcome = "ok"
    }

    /// Calls `method` of `model` with the named arguments of `body`, as the API key's user; counted, timed
    /// and logged by the dispatcher's ``RPCCallObserver``.
    public func call(
        model: String, method: String, body: [UInt8], authorization: String?, database: String?, client: String?
    ) async -> Answer {
        let started = ContinuousClock.now
        let uid = LockedBox<Int?>(nil)
        let answer = await perform(model: model, method: method, body: body, authorization: authorization, database: database,
                                   client: client, uid: uid)
        rpc.observer.record(model: model, method: method, uid: uid.value, outcome: answer.outcome, elapsed: ContinuousClock.now - started)
        return answer
    }

    func perform(
        model: String, method: String, body: [UInt8], authorization: String?, database: String?, client: String?, uid: LockedBox<Int?>
    ) async -> Answer {
        do {
            if let database, database != rpc.databaseName { return Self.fault(.missingError("Database \(database) not found")) }
            guard let authorization, authorization.lowercased().hasPrefix("bearer "),
                  case let key = String(authorization.dropFirst("bearer ".count)).trimmingSpaces(), !key.isEmpty
            else {
                return Self.fault(.accessDenied("Missing or malformed Authorization: bearer <api key>"))
            }
            // A bearer key names no account until it matches one: a wrong key costs one SHA-256 lookup (no
            // bcrypt), and 160 random bits are not guessed, so nothing is counted. Counting it per client
            // address would lock out every client behind the same proxy.
            guard let user = try await rpc.verify(login: "api-key", client: client, { try await rpc.authenticator.authenticate(apiKey: key) }) else {
                return Self.fault(.accessDenied("Invalid API key"))
            }
            uid.value = user.id
            guard JSONRPCEnvelope.depth(of: body) <= JSONRPCEnvelope.maxDepth else {
                return Self.fault(.badRequest("The request nests too deeply"))
            }
            var named: [String: JSONValue] = [:]
            if !body.isEmpty {
                guard case .object(let members) = try? JSONValue.parse(body, maxDepth: JSONRPCEnvelope.maxDepth) else {
                    return Self.fault(.badRequest("The body must be a JSON object of named arguments"))
                }
                named = members
            }
            switch try await rpc.models.call(model, method, args: [], kwargs: named, user: user) {
            case .value(let value): return Answer(status: 200, body: JSONRPCEnvelope.encode(value))
            case .json(let text): return Answer(status: 200, body: Array(text.utf8))
            }
        } catch {
            return Self.fault(rpc.fault(for: error, protocol: "JSON-2"))
        }
    }

    /// `/doc-bearer/<model>.json`: the model's fields and each method's parameter names, in order, so that
    /// clients can map positional arguments to names.
    public func documentation(model name: String) -> Answer {
        guard let model = rpc.models.registry.models[name] else { return Self.fault(.missingError("Object \(name) doesn't exist")) }
        var methods: [String: JSONValue] = [:]
        for method in model.methods.values where model.accepts(method) {
            methods[method.name] = [
                "parameters": .array(method.signature.parameters.map(JSONValue.string)),
                "keywords": .array(method.signature.keywords.map(JSONValue.string)),
            ]
        }
        return Answer(status: 200, body: JSONRPCEnvelope.encode([
            "model": .string(model.name), "fields": rpc.models.fieldsGet(model), "methods": .object(methods),
        ]))
    }

    /// An error answer with Odoo's exception object as the body, with the fault's HTTP status.
    public static func fault(_ fault: RPCFault) -> Answer {
        Answer(status: fault.status, body: JSONRPCEnvelope.encode(fault.json["data"] ?? .null), outcome: RPCCallObserver.outcome(of: fault))
    }
}
