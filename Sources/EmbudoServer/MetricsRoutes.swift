import EmbudoDatabase
import EmbudoObservability
import Hummingbird
import NIOCore
import PGClient

/// `GET /metrics`: every series of the registry in Prometheus' text format, plus the database pool's
/// state read at scrape time (`embudo_db_pool_connections{state}`, `embudo_db_pool_waiting`,
/// `embudo_db_pool_timeouts_total`, `embudo_db_pool_connections_opened_total`).
struct MetricsRoutes: Sendable {
    let registry: PrometheusRegistry
    let database: Database

    func register(on router: Router<some RequestContext>) {
        router.get("/metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: PrometheusText.contentType, .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: render()))
            )
        }
    }

    func render() -> String {
        let pool = database.pool.statistics
        return registry.render()
            + PrometheusText.family("embudo_db_pool_connections", type: "gauge", help: "Connections of the database pool, busy or idle.", [
                ([("state", "busy")], Double(pool.busy)), ([("state", "idle")], Double(max(0, pool.size - pool.busy))),
            ])
            + PrometheusText.family("embudo_db_pool_waiting", type: "gauge", help: "Jobs waiting for a database connection.", [
                ([], Double(pool.waiting)),
            ])
            + PrometheusText.family("embudo_db_pool_timeouts_total", type: "counter", help: "Jobs that gave up waiting for a connection.", [
                ([], Double(pool.timeouts)),
            ])
            + PrometheusText.family("embudo_db_pool_connections_opened_total", type: "counter", help: "Database connections opened.", [
                ([], Double(pool.connectionsOpened)),
            ])
    }
}
