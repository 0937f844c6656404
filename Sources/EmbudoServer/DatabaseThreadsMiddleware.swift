import EmbudoDatabase
import Hummingbird

/// Runs each request's handler on the database pool's threads (the pool is a `TaskExecutor`).
///
/// A handler's database calls then run inline on that thread's own connection instead of hopping to a
/// pool thread and back: two thread wake-ups fewer per call, which is most of the cost of a short
/// query on a small machine (see the README's benchmark).
struct DatabaseThreadsMiddleware<Context: RequestContext>: RouterMiddleware {
    let database: Database

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await withTaskExecutorPreference(database.pool) {
            try await next(request, context)
        }
    }
}
