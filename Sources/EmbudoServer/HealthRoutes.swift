import EmbudoDatabase
import Hummingbird
import NIOCore

/// `GET /health`: 200 when the process is up and PostgreSQL answers, 503 (with the same JSON shape)
/// when the database cannot be reached. For load balancers and orchestrators.
struct HealthRoutes: Sendable {
    let database: Database

    func register(on router: Router<some RequestContext>) {
        router.get("/health") { _, _ in
            await self.health()
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
