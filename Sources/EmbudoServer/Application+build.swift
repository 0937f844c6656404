import CoreMetrics
import EmbudoDatabase
import EmbudoModel
import EmbudoObservability
import EmbudoRPC
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The web client's files, or none (logged) when the folder cannot be read.
func webAssets(_ root: String?, logger: Logger) -> WebAssets {
    guard let root else { return .empty }
    do {
        let assets = try WebAssets(root: root)
        logger.info("Serving the web client from \(root) (\(assets.files.count) files)")
        return assets
    } catch {
        logger.error("The web client is not served: \(error)")
        return .empty
    }
}

/// Builds Embudo's HTTP application.
///
/// Data flows one way: HTTP routes here → the JSON-RPC layer → the model layer (`EmbudoModel`) → SQL.
/// The routes of each API live in a `*Routes.swift` file of their own and are added here.
///
/// - Parameters:
///   - configuration: where to listen, and the web client's folder.
///   - database: the service's database (its pool is shut down with the application).
///   - databaseName: the name Odoo clients give as `db`.
///   - services: further services to run beside the server (an embedded cluster to stop at the end);
///     they start before the database and stop after it.
///   - workers: background services that use `database` (the outgoing mail worker): they start after the
///     database and stop before it, once the HTTP server has stopped.
///   - metrics: where requests and calls are counted, served at `GET /metrics` (give the instance
///     bootstrapped as the process' `MetricsSystem` factory; tests give their own).
///   - logger: the application's logger.
///   - callLogLevel: the level of the line logged per model call (`info`; tests use `debug`).
///   - onServerRunning: called with the bound port once the server accepts connections.
public func buildApplication(
    configuration: ServerConfiguration,
    database: Database,
    databaseName: String,
    services: [any Service] = [],
    workers: [any Service] = [],
    metrics: PrometheusRegistry = PrometheusRegistry(),
    logger: Logger,
    callLogLevel: Logger.Level = .info,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router(context: EmbudoRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: HTTPMetricsMiddleware(metrics: metrics))
    // Health, metrics and the web client's files stay off the pool's threads: they must answer while
    // every connection is busy (the files come from memory).
    HealthRoutes(database: database).register(on: router)
    MetricsRoutes(registry: metrics, database: database).register(on: router)
    WebClientRoutes(assets: webAssets(configuration.webRoot, logger: logger)).register(on: router)
    router.add(middleware: DatabaseThreadsMiddleware(database: database))
    let models = ModelService(database: database)
    let dispatcher = RPCDispatcher(
        databaseName: databaseName, authenticator: Authenticator(database: database), models: models, logger: logger,
        metrics: metrics, callLogLevel: callLogLevel
    )
    let web = WebSessionDispatcher(rpc: dispatcher, sessions: Sessions(database: database), models: models)
    RPCRoutes(dispatcher: dispatcher, web: web, json2: JSON2Dispatcher(rpc: dispatcher), trustedProxies: configuration.trustedProxies)
        .register(on: router)
    PortalRoutes(portal: QuotationPortal(database: database), logger: logger).register(on: router)
    CalendarRoutes(links: CalendarLinks(database: database), logger: logger).register(on: router)
    ActivationRoutes(activation: AccountActivation(database: database), logger: logger).register(on: router)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Embudo"),
        services: services + [DatabaseService(database: database)] + workers,
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}
