import EmbudoDatabase
import Hummingbird
import NIOCore

/// Health checks for load balancers and orchestrators.
///
/// - `GET /health` and `GET /health/ready` (readiness): 200 when the process is up and PostgreSQL
///   answers, 503 (with the same JSON shape) when the database cannot be reached.
/// - `GET /health/live` (liveness): 200 whenever the process serves HTTP; it never touches the database,
///   so that an outage of PostgreSQL does not get the service restarted.
struct HealthRoutes: Sendable {
    let database: Database

    func register(on router: Router<some RequestContext>) {
        router.get("/health") { _, _ in
            await self.health()
        }
        router.get("/health/ready") { _, _ in
            await self.health()
        }
        router.get("/health/live") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#))
            )
        }
    }

    func health() async -> Response {
        let reachable = await database.isReachable()
        let body = reachable
            ? #"{"status":"ok","database":"ok"}"#
            : #"{"status":"unavailable","database":"unreachable"}"#
        return Response(
            status: reachable ? .ok : .serviceUnavailable,
            headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }
}
