import CoreMetrics
import EmbudoModel
import Logging
import PGClient
import Synchronization

/// Counts, times and logs each object call (model + method) of JSON-RPC, the web client's `call_kw` and
/// JSON-2.
///
/// Series (swift-metrics labels, Prometheus names):
/// - `embudo_rpc_calls_total{model,method,outcome}`: `outcome` is `ok` or the short name of the Odoo
///   exception answered (`AccessError`, `UserError`, `ValidationError`, `MissingError`, `AccessDenied`,
///   `SessionExpired`, `AttributeError`, `BadRequest`) or `internal`.
/// - `embudo_rpc_call_duration_seconds{model,method}` (a timer).
///
/// Model and method names come from clients, so their labels are bounded: a model outside the registry
/// counts as `other`, and so does a method that no model of the registry has. The log line has the names as sent (at most
/// 64 characters), the uid, outcome and duration, never arguments.
public final class RPCCallObserver: Sendable {
    let factory: any MetricsFactory
    let knownModels: Set<String>
    let logger: Logger
    /// The level of the line logged per call.
    let level: Logger.Level
    let knownMethods: Set<String>

    /// An observer recording into `factory`, for the models of `registry`.
    public init(factory: any MetricsFactory, registry: ModelRegistry, logger: Logger, level: Logger.Level = .info) {
        self.factory = factory
        self.knownModels = Set(registry.models.keys)
        self.logger = logger
        self.level = level
        self.knownMethods = registry.methodNames
    }

    /// Runs `call` as the call of `method` on `model`, then counts, times and logs it. `uid` is read after
    /// the call (it may be learned during it).
    func observe<T>(model: String, method: String, uid: () -> Int?, _ call: () async throws -> T) async throws -> T {
        let started = ContinuousClock.now
        do {
            let result = try await call()
            record(model: model, method: method, uid: uid(), outcome: "ok", elapsed: ContinuousClock.now - started)
            return result
        } catch {
            record(model: model, method: method, uid: uid(), outcome: Self.outcome(of: error), elapsed: ContinuousClock.now - started)
            throw error
        }
    }

    /// Counts, times and logs one finished call.
    func record(model: String, method: String, uid: Int?, outcome: String, elapsed: Duration) {
        let modelLabel = knownModels.contains(model) ? model : "other"
        let methodLabel = knownMethods.contains(method) ? method : "other"
        Counter(label: "embudo_rpc_calls_total", dimensions: [("model", modelLabel), ("method", methodLabel), ("outcome", outcome)],
                factory: factory).increment()
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        Timer(label: "embudo_rpc_call_duration_seconds", dimensions: [("model", modelLabel), ("method", methodLabel)],
              factory: factory).recordNanoseconds(nanoseconds)
        var metadata: Logger.Metadata = [
            "model": .string(String(model.prefix(64))), "method": .string(String(method.prefix(64))),
            "outcome": .string(outcome), "duration_ms": .stringConvertible(Double(nanoseconds / 1000) / 1000),
        ]
        if let uid { metadata["uid"] = .stringConvertible(uid) }
        (RequestLogger.current ?? logger).log(level: level, "RPC call", metadata: metadata)
    }

    /// The outcome label of an error a call ended with, as the dispatchers answer it.
    static func outcome(of error: any Error) -> String {
        RPCFault.classify(error).map(outcome(of:)) ?? "internal"
    }

    /// The outcome label of a fault: the exception's short name (`AccessError`), `SessionExpired`, or
    /// `internal` for a server error.
    static func outcome(of fault: RPCFault) -> String {
        if fault.name == RPCFault.internalError.name { return "internal" }
        if fault.name == RPCFault.sessionExpired().name { return "SessionExpired" }
        return fault.name.split(separator: ".").last.map(String.init) ?? "internal"
    }
}
