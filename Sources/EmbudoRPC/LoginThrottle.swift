import Synchronization

/// Slows password guessing: after ``maxFailures`` failed logins within ``window`` for one login, or from
/// one client address, further attempts are refused at once (without running bcrypt) until the window
/// has passed. A successful login clears its login's count. Kept per server process.
final class LoginThrottle: Sendable {
    let maxFailures: Int
    let window: Duration
    private let failures = Mutex<[String: [ContinuousClock.Instant]]>([:])

    init(maxFailures: Int = 10, window: Duration = .seconds(300)) {
        self.maxFailures = maxFailures
        self.window = window
    }

    static func keys(login: String, address: String?) -> [String] {
        ["login:" + login.lowercased()] + (address.map { ["address:" + $0] } ?? [])
    }

    /// Whether an attempt may be checked now.
    func allows(login: String, address: String?) -> Bool {
        let now = ContinuousClock.now
        return failures.withLock { failures in
            Self.keys(login: login, address: address).allSatisfy { key in
                (failures[key] ?? []).filter { now - $0 < window }.count < maxFailures
            }
        }
    }

    func recordFailure(login: String, address: String?) {
        let now = ContinuousClock.now
        failures.withLock { failures in
            if failures.count > 100_000 { failures.removeAll(keepingCapacity: true) }
            for key in Self.keys(login: login, address: address) {
                failures[key, default: []] = (failures[key] ?? []).filter { now - $0 < window } + [now]
            }
        }
    }

    func recordSuccess(login: String) {
        _ = failures.withLock { $0.removeValue(forKey: "login:" + login.lowercased()) }
    }
}
