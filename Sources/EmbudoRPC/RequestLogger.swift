import Logging

/// The logger of the HTTP request being answered, with its `request_id` in the metadata.
///
/// The HTTP layer binds it for each request; the dispatchers log through it, so that every line logged
/// for a request carries the request's id. Outside a request it is nil and the dispatcher's own logger
/// is used.
public enum RequestLogger {
    @TaskLocal public static var current: Logger?
}
