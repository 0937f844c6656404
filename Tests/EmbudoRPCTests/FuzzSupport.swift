import EmbudoModel
import Foundation
import Synchronization
import Testing

/// Deterministic fuzzing helpers shared by the JSON-RPC and domain fuzzers.
///
/// Environment:
/// - `EMBUDO_FUZZ_SEED`: the run's seed (decimal or 0x…); each case derives its own generator from
///   the seed and its index, so one failing case can be replayed alone.
/// - `EMBUDO_FUZZ_CASES`: how many cases each fuzzer runs (defaults sized to ~20–30 s in the suite).
/// - `EMBUDO_FUZZ_ONLY`: run only this case index (to replay a failure).
enum Fuzz {
    static let environment = ProcessInfo.processInfo.environment

    static var seed: UInt64 {
        guard let text = environment["EMBUDO_FUZZ_SEED"] else { return 0xE1B0_D0F0_2026 }
        if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) ?? 0 }
        return UInt64(text) ?? 0
    }

    static func cases(default count: Int) -> Int {
        environment["EMBUDO_FUZZ_CASES"].flatMap(Int.init) ?? count
    }

    /// The case indices to run.
    static func indices(default count: Int) -> [Int] {
        if let only = environment["EMBUDO_FUZZ_ONLY"].flatMap(Int.init) { return [only] }
        return Array(0..<cases(default: count))
    }

    /// The generator of one case.
    static func generator(case index: Int, salt: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ salt)
        for _ in 0..<(index % 7) { _ = mixer.next() }
        return SplitMix64(seed: mixer.next() &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Text an answer must never contain (unless the request itself carried it, as echoed names do).
    static let forbidden = [
        "SELECT", "INSERT", "FROM ", "syntax error", "violates", "relation \"", "PGError", "SQLSTATE",
        "Swift/", ".swift:", "Fatal error", "pg_catalog", "embudo.", "ERROR:", "DETAIL:", "HINT:", "CONTEXT:",
    ]

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The problems of one answer to `request`, or [] when it is a well-formed JSON-RPC answer without
    /// leaked internals. `internalErrors` says whether a generic server error counts as a problem.
    static func problems(answer: [UInt8], request: [UInt8], internalErrors: Bool = true) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(answer)) as? [String: Any] else {
            return ["the answer is not a JSON object: \(String(decoding: answer.prefix(300), as: UTF8.self))"]
        }
        var problems: [String] = []
        if object["jsonrpc"] as? String != "2.0" { problems.append("no jsonrpc 2.0 member") }
        let hasResult = object.keys.contains("result")
        guard let error = object["error"] as? [String: Any] else {
            if !hasResult { problems.append("neither result nor error") }
            return problems
        }
        if hasResult { problems.append("both result and error") }
        guard let data = error["data"] as? [String: Any] else { return problems + ["error without data"] }
        if (data["debug"] as? String) != "" { problems.append("data.debug is not empty: \(data["debug"] ?? "nil")") }
        let name = data["name"] as? String ?? ""
        let known: Set<String> = [
            "odoo.exceptions.AccessDenied", "odoo.exceptions.AccessError", "odoo.exceptions.UserError",
            "odoo.exceptions.ValidationError", "odoo.exceptions.MissingError", "odoo.http.SessionExpiredException",
            "werkzeug.exceptions.BadRequest", "builtins.AttributeError", "builtins.TypeError", "builtins.Exception",
        ]
        if !known.contains(name) { problems.append("unknown error name \(name)") }
        if internalErrors && name == "builtins.Exception" { problems.append("internal server error") }
        let message = data["message"] as? String ?? ""
        let leaking = forbidden.filter { message.contains($0) }
        let requestText = leaking.isEmpty ? "" : String(decoding: request, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/").replacingOccurrences(of: "\\\"", with: "\"")
        // Names the request carried are echoed ("Invalid field EMAIL_FROM on model …"): compare the counts of
        // the token without its trailing space, in the message and in the request.
        for token in leaking {
            let bare = token.trimmingCharacters(in: .whitespaces)
            guard occurrences(of: bare, in: message) > occurrences(of: bare, in: requestText) else { continue }
            problems.append("the message leaks \"\(token)\": \(message.prefix(300))")
        }
        return problems
    }

    /// Runs `body`, giving up (and saying so) after `seconds`, so that a hanging case fails the test
    /// instead of hanging the suite.
    static func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async -> T) async -> T? {
        await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let once = ResumeOnce(continuation)
            Task { once.resume(await body()) }
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                once.resume(nil)
            }
        }
    }
}

/// A continuation resumed by whichever comes first.
final class ResumeOnce<T: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<T?, Never>?>
    init(_ continuation: CheckedContinuation<T?, Never>) { self.continuation = Mutex(continuation) }
    func resume(_ value: T?) {
        continuation.withLock { $0.take() }?.resume(returning: value)
    }
}

/// SplitMix64: small, fast, and the same on every platform.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func pick<T>(_ values: [T]) -> T { values[int(0..<values.count)] }
}

/// Random JSON and strings of the kinds that break servers.
extension SplitMix64 {
    static let hostileStrings: [String] = [
        "", " ", "'", "\"", "\\", "%", "_", "'; DROP TABLE crm_lead; --", "1' OR '1'='1", "\") OR 1=1 --",
        "id; SELECT pg_sleep(10)", "name) UNION SELECT password FROM res_users --", "$1", "$$", "E'\\x00'", "\u{0}", "a\u{0}b",
        "🦊", "\u{FEFF}", "\u{202E}evil", "ı", "İ", "é", "\u{10FFFF}", "pg_catalog.pg_user", "embudo.user_api_key", "res_users",
        "crm_lead", "company_id", "id", "name", "a.b", ".", "..", "name.", ".name", "partner_id.name", "partner_id.", "{}",
        "[]", "null", "NaN", "Infinity", "-0", "1e999", "2147483648", "-2147483649", "9223372036854775808", "0x10",
        "1970-01-01", "9999-12-31", "0000-00-00", "2026-02-30", "2026-11-27 25:61:61", "2026-11-27 12:00:00.123456",
        "%s", "%(name)s", "{0}", "${jndi:ldap://x}", "<script>alert(1)</script>", "../../../etc/passwd",
        String(repeating: "a", count: 300), String(repeating: "%", count: 100), "\r\n", "\t",
    ]

    static let sqlWords = ["SELECT", "INSERT", "FROM ", "relation \"x\"", "SQLSTATE", ".swift:", "Swift/"]

    mutating func hostileString() -> String {
        switch int(0..<10) {
        case 0..<6: return pick(Self.hostileStrings)
        case 6: return String((0..<int(0..<20)).map { _ in Character(Unicode.Scalar(UInt8(int(32..<127)))) })
        case 7: return String(repeating: pick(["x", "é", "🦊", "'"]), count: int(500..<5000))
        case 8: return pick(Self.sqlWords) + " " + pick(Self.hostileStrings)
        default:
            var scalars = String.UnicodeScalarView()
            for _ in 0..<int(1..<12) {
                if let scalar = Unicode.Scalar(UInt32(int(0..<0x11_0000))) { scalars.append(scalar) }
            }
            return String(scalars)
        }
    }

    mutating func hostileNumber() -> JSONValue {
        pick([
            0, 1, -1, .int(Int(Int32.max)), .int(Int(Int32.max) + 1), .int(Int(Int32.min) - 1), .int(Int.max), .int(Int.min),
            .double(0.5), .double(-0.0), .double(1e300), .double(-1e300), .double(1e-300), .double(3.0), .double(Double.greatestFiniteMagnitude),
            .int(int(-1000..<100_000)),
        ])
    }

    /// Any JSON value, nested at most `depth` levels.
    mutating func json(depth: Int = 3) -> JSONValue {
        switch int(0..<(depth > 0 ? 9 : 6)) {
        case 0: return .null
        case 1: return .bool(chance(0.5))
        case 2: return hostileNumber()
        case 3, 4: return .string(hostileString())
        case 5: return .int(int(0..<50))
        case 6, 7: return .array((0..<int(0..<5)).map { _ in json(depth: depth - 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<int(0..<4) { members[hostileString()] = json(depth: depth - 1) }
            return .object(members)
        }
    }
}
