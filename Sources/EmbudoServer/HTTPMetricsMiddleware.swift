import CoreMetrics
import Hummingbird

/// Counts requests by route pattern and status: `embudo_http_requests_total{route,status}`. The route is
/// the matched pattern (`/json/2/{model}/{method}`), never the raw path, and `other` when no route
/// matched, so that the series stay few whatever clients send.
struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: any MetricsFactory

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            count(context, status: response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            count(context, status: error.status.code)
            throw error
        } catch {
            count(context, status: 500)
            throw error
        }
    }

    private func count(_ context: Context, status: Int) {
        // Hummingbird names unmatched requests "NotFound": only real patterns (starting with "/") count.
        let route = context.endpointPath.flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "other"
        Counter(label: "embudo_http_requests_total", dimensions: [("route", route), ("status", String(status))], factory: metrics)
            .increment()
    }
}
