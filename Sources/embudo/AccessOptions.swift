import ArgumentParser
import EmbudoServer
import Foundation

/// The options of `embudo serve` about who reaches the service and PostgreSQL: the service's own login,
/// the trusted reverse proxies, and the BI watchdog's limits. Each falls back to an environment variable.
struct AccessOptions: ParsableArguments {
    @Option(help: "The service's own PostgreSQL login (URL or connection string): embudo_service, never a superuser or BYPASSRLS login (default: $EMBUDO_SERVICE_DATABASE_URL, else the database URL's login, which must then be embudo_service; the embedded cluster's pool logs in as embudo_service).")
    var serviceDatabaseURL: String?
    @Option(help: "Reverse proxies whose X-Forwarded-For names the client, ADDR[,ADDR…] (default: $EMBUDO_TRUSTED_PROXY, else none).")
    var trustedProxy: String?
    @Option(help: "Longest a BI login's statement may run before the watchdog cancels it, in seconds (default: $EMBUDO_BI_STATEMENT_TIMEOUT, else 60).")
    var biStatementTimeout: Double?
    @Option(help: "Seconds between the BI watchdog's checks; 0 turns it off (default: $EMBUDO_BI_WATCHDOG_INTERVAL, else 5).")
    var biWatchdogInterval: Double?

    func validate() throws {
        _ = try trustedProxies()
        _ = try biWatchdogConfiguration()
    }

    /// `--service-database-url`, else `$EMBUDO_SERVICE_DATABASE_URL`, else nil (the configured login serves).
    var serviceConninfo: String? {
        serviceDatabaseURL ?? ProcessInfo.processInfo.environment["EMBUDO_SERVICE_DATABASE_URL"]
    }

    /// `--trusted-proxy`, else `$EMBUDO_TRUSTED_PROXY`.
    func trustedProxies() throws -> TrustedProxies {
        guard let list = trustedProxy ?? ProcessInfo.processInfo.environment["EMBUDO_TRUSTED_PROXY"], !list.isEmpty else { return .none }
        guard let proxies = TrustedProxies.parse(list) else {
            throw ValidationError("--trusted-proxy (or EMBUDO_TRUSTED_PROXY) must be IP addresses separated by commas")
        }
        return proxies
    }

    /// The BI watchdog's limits, or nil when it is off.
    func biWatchdogConfiguration() throws -> BIWatchdogService.Configuration? {
        let environment = ProcessInfo.processInfo.environment
        func seconds(_ value: Double?, _ variable: String, _ fallback: Double) throws -> Double {
            if let value { return value }
            guard let text = environment[variable], !text.isEmpty else { return fallback }
            guard let number = Double(text) else { throw ValidationError("\(variable) must be a number of seconds") }
            return number
        }
        let timeout = try seconds(biStatementTimeout, "EMBUDO_BI_STATEMENT_TIMEOUT", 60)
        let interval = try seconds(biWatchdogInterval, "EMBUDO_BI_WATCHDOG_INTERVAL", 5)
        guard timeout > 0, timeout <= 86_400 else { throw ValidationError("the BI statement timeout must be between 0 and 86400 seconds") }
        guard interval >= 0, interval <= 3600 else { throw ValidationError("the BI watchdog interval must be between 0 and 3600 seconds") }
        guard interval > 0 else { return nil }
        return .init(statementTimeout: .milliseconds(Int64(timeout * 1000)), interval: .milliseconds(Int64(interval * 1000)))
    }
}
