import Dispatch
import EmbeddedPostgres
import EmbudoDatabase
import ServiceLifecycle

/// Closes the database pool when the application shuts down (after the HTTP server has stopped).
struct DatabaseService: Service {
    let database: Database

    func run() async throws {
        try? await gracefulShutdown()
        // Waiting for the pool's threads blocks: do it on a Dispatch thread, not a cooperative one.
        let database = self.database
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                database.shutdown()
                done.resume()
            }
        }
    }
}

/// Stops the embedded PostgreSQL cluster when the application shuts down, last of all.
public struct EmbeddedClusterService: Service {
    let cluster: EmbeddedPostgres

    /// Stops `cluster` at shutdown.
    public init(cluster: EmbeddedPostgres) {
        self.cluster = cluster
    }

    public func run() async throws {
        try? await gracefulShutdown()
        try cluster.stop()
    }
}
