import EmbudoModel
import Synchronization

/// Recently verified `(uid, password)` pairs, so that stateless clients, which send the password with
/// every call, do not pay for bcrypt on every call.
///
/// Passwords are not kept: an entry holds a keyed hash of the password (Swift's `Hasher`, seeded at
/// random per process), which cannot be reversed or computed outside this process. Each call made with
/// cached credentials also carries their stamp, which PostgreSQL checks in the call's first statement,
/// so a changed password, a revoked key or a disabled user stops the next call; entries also expire
/// after ``timeToLive``.
final class CredentialsCache: Sendable {
    struct Entry {
        var fingerprint: Int
        var user: AuthenticatedUser
        var expires: ContinuousClock.Instant
    }

    let timeToLive: Duration
    let capacity: Int
    private let entries = Mutex<[Int: Entry]>([:])

    init(timeToLive: Duration = .seconds(60), capacity: Int = 10_000) {
        self.timeToLive = timeToLive
        self.capacity = capacity
    }

    private static func fingerprint(_ userID: Int, _ password: String) -> Int {
        var hasher = Hasher()
        hasher.combine(userID)
        hasher.combine(password)
        return hasher.finalize()
    }

    /// The user, if this pair was verified within the time to live.
    func user(_ userID: Int, password: String) -> AuthenticatedUser? {
        let fingerprint = Self.fingerprint(userID, password)
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[userID], entry.fingerprint == fingerprint, entry.expires > now else { return nil }
            return entry.user
        }
    }

    /// Drops a user's entry.
    func forget(_ userID: Int) {
        _ = entries.withLock { $0.removeValue(forKey: userID) }
    }

    /// Remembers a verified pair.
    func remember(_ user: AuthenticatedUser, password: String) {
        let entry = Entry(fingerprint: Self.fingerprint(user.id, password), user: user, expires: .now + timeToLive)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[user.id] = entry
        }
    }
}
