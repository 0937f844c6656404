import EmbudoDatabase
import EmbudoModel
import EmbudoRPC
import EmbudoTestSupport
import Foundation
import Testing

/// Fuzzing of `/jsonrpc` bodies straight into ``RPCDispatcher/jsonrpc(_:client:)``: malformed and
/// truncated JSON, deep nesting, huge strings and arrays, invalid UTF-8, NUL bytes, out-of-range numbers,
/// duplicate keys, wrong types in every position of `execute_kw`, random and SQL-looking model, method
/// and field names, and random arguments to real methods. Every answer must be a JSON-RPC envelope with
/// no SQL, no server internals and an empty `data.debug`, and no case may hang.
///
/// Long run: `EMBUDO_FUZZ_CASES=100000 swift test --skip-build --filter RPCFuzzTests` (see ``Fuzz``).
@Suite("JSON-RPC fuzzing", .serialized)
struct RPCFuzzTests {
    /// A finding: the case, what went wrong, and the start of the body that caused it.
    struct Finding: CustomStringConvertible {
        var index: Int
        var problems: [String]
        var body: String
        var description: String { "case \(index) (EMBUDO_FUZZ_SEED=\(Fuzz.seed) EMBUDO_FUZZ_ONLY=\(index)): \(problems.joined(separator: "; ")) — body: \(body)" }
    }

    @Test(.tags(.slow), .enabled(if: SlowTests.enabled), .timeLimit(.minutes(240))) func jsonrpcBodies() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let db = JSONValue.string(f.database.name)
        let boss = JSONValue.int(f.users["boss"]!)
        let password = JSONValue.string(CRMFixture.password)
        // Some records for the calls to find.
        for index in 0..<5 {
            let partner = try await f.ok("boss", "res.partner", "create", [["name": .string("Partner \(index)"), "email": .string("p\(index)@acme.test")]])
            _ = try await f.ok("boss", "crm.lead", "create", [["name": .string("Lead \(index)"), "partner_id": partner]])
            _ = try await f.ok("bea", "crm.lead", "create", [["name": .string("Beta lead \(index)")] as JSONValue])
        }

        // Cases that may spoil the password use alex, so that boss's uid never gets throttled.
        let generator = BodyGenerator(db: db, uid: boss, password: password, sacrificialUID: .int(f.users["alex"]!))
        var findings: [Finding] = []
        var slowest: (Int, Double) = (0, 0)
        var kinds: [String: Int] = [:]
        var seconds: [String: Double] = [:]
        let started = ContinuousClock.now
        let indices = Fuzz.indices(default: 2000)
        for index in indices {
            var rng = Fuzz.generator(case: index, salt: 0x4A50_4331)
            let (kind, body) = generator.body(&rng)
            kinds[kind, default: 0] += 1
            let caseStart = ContinuousClock.now
            let dispatcher = f.dispatcher
            guard let answer = await Fuzz.withDeadline(seconds: 30, { await dispatcher.jsonrpc(body) }) else {
                findings.append(Finding(index: index, problems: ["no answer within 30 s (\(kind))"], body: String(decoding: body.prefix(300), as: UTF8.self)))
                break
            }
            let elapsed = (ContinuousClock.now - caseStart) / .seconds(1)
            if elapsed > slowest.1 { slowest = (index, elapsed) }
            seconds[kind, default: 0] += elapsed
            let problems = Fuzz.problems(answer: answer, request: body)
            if !problems.isEmpty {
                findings.append(Finding(index: index, problems: ["[\(kind)]"] + problems, body: String(decoding: body.prefix(400), as: UTF8.self)))
            }
            if index % 5000 == 4999 { print("RPC fuzz: \(index + 1) cases, \(findings.count) findings, \(ContinuousClock.now - started)") }
        }
        let total = ContinuousClock.now - started
        print("RPC fuzz: \(indices.count) cases in \(total) (slowest: case \(slowest.0), \(slowest.1) s); seed \(Fuzz.seed); kinds \(kinds.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value) in \(Int(seconds[$0.key] ?? 0)) s" })")
        for finding in findings.prefix(30) { Issue.record("\(finding)") }
        #expect(findings.isEmpty, "\(findings.count) findings")

        // The server still answers normally afterwards.
        let version = try await call(f.dispatcher, ["service": "common", "method": "version", "args": []])
        #expect(version["result"]?["server_version"] == "17.0")
        let count = try await f.ok("boss", "crm.lead", "search_count", [[]])
        #expect(count.intValue != nil)
    }

    /// Specific hostile bodies worth keeping whatever the seed.
    @Test func pinnedHostileBodies() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let name = f.database.name
        let uid = f.users["boss"]!
        let pw = CRMFixture.password
        func kw(_ rest: String) -> String {
            #"{"jsonrpc":"2.0","method":"call","id":1,"params":{"service":"object","method":"execute_kw","args":["\#(name)",\#(uid),"\#(pw)",\#(rest)]}}"#
        }
        var bodies: [[UInt8]] = [
            Array(String(repeating: "[", count: 10_000).utf8),
            Array(String(repeating: "{\"a\":", count: 10_000).utf8),
            Array((#"{"params":{"service":"common","method":"version","args":"# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}}").utf8),
            Array(#"{"id":1,"params":{"service":"common","service":"object","method":"version","method":"execute_kw"}}"#.utf8),
            Array(#"{"id":1e999,"params":{"service":"common","method":"version"}}"#.utf8),
            Array(#"{"id":-1e999,"params":{"service":"common","method":"version"}}"#.utf8),
            Array(#"{"id":123456789012345678901234567890,"params":{"service":"common","method":"version"}}"#.utf8),
            Array(kw(#""res.partner","read",[[1e999]]"#).utf8),
            Array(kw(#""res.partner","read",[[99999999999999999999]]"#).utf8),
            Array(kw(#""res.partner","search",[[["id","=",1e999]]]"#).utf8),
            Array(kw(#""res.partner","search",[[["name","=","a\u0000b"]]]"#).utf8),
            Array(kw(#""res.partner","create",[{"name":"a\u0000b"}]"#).utf8),
            Array(kw(#""res.partner","create",[{"name":"x","comment":"\u0000"}]"#).utf8),
            Array(kw(#""res.partner","search_read",[[]],{"fields":["name\u0000"]}"#).utf8),
            Array(kw(#""res.partner","search_read",[[]],{"order":"name; DROP TABLE res_partner"}"#).utf8),
            Array(kw(#""res.partner","search_read",[[]],{"order":"(SELECT 1)"}"#).utf8),
            Array(kw(#""res.partner","search_read",[[]],{"order":"name desc nulls first, id"}"#).utf8),
            Array(kw(#""res.partner","search_read",[[]],{"limit":-1,"offset":-5}"#).utf8),
            Array(kw(#""res.partner","search_read",[[]],{"limit":9223372036854775807,"offset":9223372036854775807}"#).utf8),
            Array(kw(#""res.partner","read_group",[[],["name"],["name; SELECT 1"]]"#).utf8),
            Array(kw(#""res.partner","read_group",[[],["id:sum(1)"],["create_date:week'"]]"#).utf8),
            Array(kw(#""crm.lead","read_group",[[],["expected_revenue:avg"],["stage_id","create_date:quarter"]],{"lazy":false,"orderby":"x"}"#).utf8),
            Array(kw(#""res.partner","name_search",[],{"name":"%","operator":"; DROP","limit":-3}"#).utf8),
            Array(kw(#""res.partner","write",[[1],{"name":"x"}]"#).utf8),
            Array(kw(#""res.partner","write",[[2147483648],{"name":"x"}]"#).utf8),
            Array(kw(#""crm.lead","create",[{"name":"x","expected_revenue":1e308,"probability":1e308}]"#).utf8),
            Array(kw(#""crm.lead","create",[{"name":"x","date_deadline":"2026-02-30"}]"#).utf8),
            Array(kw(#""crm.lead","create",[{"name":"x","color":2147483648}]"#).utf8),
            Array(kw(#""crm.lead","create",[{"name":"x","tag_ids":[[6,0,[2147483647]]]}]"#).utf8),
            Array(kw(#""crm.lead","create",[{"name":"x","tag_ids":[[0,0,{"name":null}]]}]"#).utf8),
            Array(kw(#""crm.lead","create",[{"name":"x","tag_ids":[[99,0,0]]}]"#).utf8),
            Array(kw(#""crm.lead","create",[{"name":"x","partner_id":"1; DROP TABLE x"}]"#).utf8),
            Array(kw(#""res.users","create",[{"login":"x\u0000"}]"#).utf8),
            Array(kw(#""ir.model","search_read",[[]]"#).utf8),
            Array(kw(#""res_partner","search",[[]]"#).utf8),
            Array(kw(#""res.partner","_search",[[]]"#).utf8),
            Array(kw(#""res.partner","unlink",[[0,-1,2147483647]]"#).utf8),
            [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D],
            Array(#"{"params":{"service":"common","method":"login","args":[""#.utf8) + [0xC3, 0x28] + Array(#"","admin","x"]}}"#.utf8),
            Array(#"{"params":{"service":"common","method":"login","args":[""#.utf8) + Array(name.utf8) + Array(#"","a"#.utf8) + [0xED, 0xA0, 0x80] + Array(#"","x"]}}"#.utf8),
            Array(#"{"params":{"service":"common","method":"login","args":["x","\ud800","x"]}}"#.utf8),
            Array(#"{"params":{"service":"common","method":"login","args":["x","\udc00\ud800","x"]}}"#.utf8),
            [0x00], [0xEF, 0xBB, 0xBF] + Array(#"{"params":{}}"#.utf8),
        ]
        bodies.append(Array(kw(#""res.partner","search",[[["name","ilike",""# + String(repeating: "x", count: 2_000_000) + #""]]]"#).utf8))
        bodies.append(Array(kw(#""res.partner","read",[["# + (0..<200_000).map(String.init).joined(separator: ",") + "]]").utf8))
        bodies.append(Array(kw(#""res.partner","search",[["# + String(repeating: #"["id","=",1],"#, count: 999) + #"["id","=",1]]]"#).utf8))
        bodies.append(Array(kw(#""res.partner","search",[[["id","in",["# + (0..<100_000).map(String.init).joined(separator: ",") + "]]]]").utf8))
        for (index, body) in bodies.enumerated() {
            let dispatcher = f.dispatcher
            let answer = await Fuzz.withDeadline(seconds: 60) { await dispatcher.jsonrpc(body) }
            guard let answer else {
                Issue.record("pinned body \(index) hangs: \(String(decoding: body.prefix(200), as: UTF8.self))")
                continue
            }
            let problems = Fuzz.problems(answer: answer, request: body)
            #expect(problems.isEmpty, "pinned body \(index): \(problems) — body \(String(decoding: body.prefix(200), as: UTF8.self)) — answer \(String(decoding: answer.prefix(400), as: UTF8.self))")
        }
    }
}

/// Builds fuzzed `/jsonrpc` bodies.
struct BodyGenerator: Sendable {
    let db: JSONValue
    let uid: JSONValue
    let password: JSONValue
    /// The uid of the cases whose password may be spoiled (throttling then locks this uid only).
    let sacrificialUID: JSONValue

    static let models = [
        "res.partner", "crm.lead", "crm.stage", "crm.team", "crm.tag", "res.users", "res.company", "sale.order", "sale.order.line",
        "mail.activity", "mail.message", "mail.mail", "product.product", "crm.lead.lost", "res.config.settings", "mail.thread",
    ]
    static let methods = [
        "search", "search_read", "read", "search_count", "name_search", "name_get", "fields_get", "read_group", "create", "write",
        "unlink", "default_get", "copy", "onchange", "action_set_won", "action_set_lost", "toggle_active", "message_post",
        "set_access_level", "check_access_rights", "web_search_read", "name_create", "export_data", "load",
    ]
    static let fields = [
        "name", "id", "email", "partner_id", "company_id", "stage_id", "tag_ids", "child_ids", "parent_id", "user_id", "active",
        "expected_revenue", "probability", "date_deadline", "create_date", "color", "type", "priority", "description", "display_name",
        "partner_id.name", "activity_ids", "password", "login", "x_secret",
    ]

    /// A plausible call's positional arguments and keywords for `method`.
    func arguments(_ method: String, _ rng: inout SplitMix64) -> (JSONValue, JSONValue) {
        func domain() -> JSONValue {
            if rng.chance(0.2) { return rng.json() }
            return .array((0..<rng.int(0..<4)).map { _ in
                rng.chance(0.2) ? .string(rng.pick(["&", "|", "!"])) : [.string(rng.chance(0.8) ? rng.pick(Self.fields) : rng.hostileString()),
                    .string(rng.pick(["=", "!=", "ilike", "in", "not in", "<", ">=", "child_of", "any", "=like", "like", "~", "; --"])),
                    rng.json(depth: 2)]
            })
        }
        func ids() -> JSONValue { rng.chance(0.7) ? .array((0..<rng.int(0..<4)).map { _ in .int(rng.int(-2..<40)) }) : rng.json() }
        func fields() -> JSONValue { rng.chance(0.7) ? .array((0..<rng.int(0..<4)).map { _ in .string(rng.pick(Self.fields)) }) : rng.json() }
        func values() -> JSONValue {
            var members: [String: JSONValue] = [:]
            for _ in 0..<rng.int(0..<4) { members[rng.chance(0.8) ? rng.pick(Self.fields) : rng.hostileString()] = rng.json(depth: 2) }
            if rng.chance(0.7) { members["name"] = .string(rng.hostileString()) }
            return .object(members)
        }
        var kwargs: [String: JSONValue] = [:]
        if rng.chance(0.3) { kwargs["context"] = rng.chance(0.5) ? ["allowed_company_ids": rng.json(depth: 1), "active_test": rng.json(depth: 0)] : rng.json() }
        let args: JSONValue
        switch method {
        case "search", "search_count":
            args = [domain()]
            if rng.chance(0.4) { kwargs["order"] = .string(rng.chance(0.5) ? rng.pick(Self.fields) + rng.pick(["", " desc", " asc", ",id", " nulls last"]) : rng.hostileString()) }
            if rng.chance(0.3) { kwargs["limit"] = rng.json(depth: 0) }
            if rng.chance(0.3) { kwargs["offset"] = rng.json(depth: 0) }
        case "search_read", "web_search_read":
            args = [domain()]
            kwargs["fields"] = fields()
            if rng.chance(0.4) { kwargs["order"] = .string(rng.chance(0.5) ? rng.pick(Self.fields) + rng.pick(["", " desc", " asc"]) : rng.hostileString()) }
            if rng.chance(0.3) { kwargs["limit"] = rng.json(depth: 0) }
        case "read": args = [ids(), fields()]
        case "read_group":
            args = [domain(), fields(), rng.chance(0.6) ? .array([.string(rng.pick(Self.fields) + rng.pick(["", ":day", ":week", ":month", ":year", ":quarter", ":x"]))]) : rng.json()]
            if rng.chance(0.3) { kwargs["lazy"] = rng.json(depth: 0) }
            if rng.chance(0.3) { kwargs["orderby"] = .string(rng.hostileString()) }
        case "create": args = rng.chance(0.8) ? [values()] : [.array([values(), values()])]
        case "write": args = [ids(), values()]
        case "unlink", "name_get", "copy", "action_set_won", "action_set_lost", "toggle_active": args = [ids()]
        case "name_search":
            args = []
            kwargs["name"] = .string(rng.hostileString())
            if rng.chance(0.5) { kwargs["operator"] = .string(rng.pick(["ilike", "=", "like", "; DROP", "not ilike"])) }
            if rng.chance(0.5) { kwargs["args"] = domain() }
        case "set_access_level": args = [ids(), rng.chance(0.5) ? .string(rng.pick(["own", "all", "admin", "root"])) : rng.json(depth: 0)]
        default: args = .array((0..<rng.int(0..<3)).map { _ in rng.json() })
        }
        return (args, .object(kwargs))
    }

    func envelope(_ params: JSONValue, _ rng: inout SplitMix64) -> JSONValue {
        ["jsonrpc": "2.0", "method": "call", "id": rng.chance(0.8) ? .int(rng.int(0..<1000)) : rng.json(depth: 1), "params": params]
    }

    func executeKW(_ rng: inout SplitMix64, uid: JSONValue? = nil) -> JSONValue {
        let uid = uid ?? self.uid
        let model = JSONValue.string(rng.chance(0.9) ? rng.pick(Self.models) : rng.hostileString())
        let methodName = rng.chance(0.9) ? rng.pick(Self.methods) : rng.hostileString()
        let (args, kwargs) = arguments(methodName, &rng)
        return ["service": "object", "method": "execute_kw", "args": [db, uid, password, model, .string(methodName), args, kwargs]]
    }

    /// One body and its kind.
    func body(_ rng: inout SplitMix64) -> (String, [UInt8]) {
        switch rng.int(0..<20) {
        case 0:
            return ("random bytes", (0..<rng.int(0..<200)).map { _ in UInt8(rng.int(0..<256)) })
        case 1, 2:
            // A valid body, mutated byte by byte.
            var bytes = envelope(executeKW(&rng, uid: sacrificialUID), &rng).jsonBytes
            for _ in 0..<rng.int(1..<6) where !bytes.isEmpty {
                let at = rng.int(0..<bytes.count)
                switch rng.int(0..<4) {
                case 0: bytes[at] = UInt8(rng.int(0..<256))
                case 1: bytes.insert(rng.pick(Array("[]{}\",:\\0-e.".utf8) + [0, 0xFF, 0xC3, 0x80]), at: at)
                case 2: bytes.remove(at: at)
                default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + rng.int(1..<20))], at: at)
                }
            }
            return ("mutated", bytes)
        case 3:
            let bytes = envelope(executeKW(&rng, uid: sacrificialUID), &rng).jsonBytes
            return ("truncated", Array(bytes.prefix(rng.int(0..<max(1, bytes.count)))))
        case 4:
            // Deep nesting, up to 10,000 levels, in the body or in a parameter, closed or not.
            let depth = rng.pick([63, 64, 65, 100, 1000, 10_000, rng.int(1..<10_001)])
            let open = rng.chance(0.5) ? "[" : "{\"k\":"
            let close = open == "[" ? "]" : "}"
            var inner = String(repeating: open, count: depth) + "1"
            if rng.chance(0.7) { inner += String(repeating: close, count: depth) }
            let text = rng.chance(0.5) ? inner : #"{"id":1,"params":{"service":"object","method":"execute_kw","args":["x",1,"y","res.partner","search",["# + inner + "]]}}"
            return ("deep", Array(text.utf8))
        case 5 where rng.chance(0.3):
            // A huge string somewhere (built as text: encoding megabytes through JSONValue is slow in debug builds).
            let huge = "\"" + String(repeating: rng.pick(["a", "é", "'", "%", "\\u0000", "\\\""]), count: rng.int(100_000..<2_000_000)) + "\""
            var args = [db.jsonText, sacrificialUID.jsonText, password.jsonText, "\"res.partner\"", "\"search_read\"", "[[]]", "{}"]
            args[rng.int(0..<args.count)] = rng.chance(0.3) ? "[[[\"name\",\"ilike\",\(huge)]]]" : huge
            return ("huge string", Array(#"{"jsonrpc":"2.0","id":1,"params":{"service":"object","method":"execute_kw","args":["#.utf8) + Array(args.joined(separator: ",").utf8) + Array("]}}".utf8))
        case 6 where rng.chance(0.3):
            // A huge array as ids, fields or domain.
            let count = rng.int(10_000..<300_000)
            let element = rng.pick(["1", "\"name\"", "[\"id\",\"=\",1]", "\"&\"", "null", "2147483648"])
            let method = rng.pick(["read", "search", "search_read", "unlink", "write", "read_group"])
            let array = "[" + Array(repeating: element, count: count).joined(separator: ",") + "]"
            let args = [db.jsonText, uid.jsonText, password.jsonText, JSONValue.string(rng.pick(Self.models)).jsonText, "\"\(method)\"", "[\(array)]", "{}"]
            return ("huge array", Array(#"{"jsonrpc":"2.0","id":1,"params":{"service":"object","method":"execute_kw","args":["#.utf8) + Array(args.joined(separator: ",").utf8) + Array("]}}".utf8))
        case 7, 8:
            // Wrong types in every position of execute_kw's args.
            var args: [JSONValue] = [db, sacrificialUID, password, .string(rng.pick(Self.models)), .string(rng.pick(Self.methods)), [[]], [:]]
            for position in 0..<args.count where rng.chance(0.35) { args[position] = rng.json() }
            if rng.chance(0.2) { args = Array(args.prefix(rng.int(0..<args.count))) }
            if rng.chance(0.1) { args.append(rng.json()) }
            let params: JSONValue = ["service": rng.chance(0.9) ? "object" : rng.json(depth: 1),
                                     "method": rng.chance(0.8) ? .string(rng.pick(["execute_kw", "execute"])) : rng.json(depth: 1), "args": .array(args)]
            return ("wrong types", envelope(params, &rng).jsonBytes)
        case 9:
            // Invalid UTF-8 and NUL bytes inside strings.
            var text = Array(envelope(executeKW(&rng, uid: sacrificialUID), &rng).jsonBytes)
            let quotes = text.indices.filter { text[$0] == UInt8(ascii: "\"") }
            if let at = quotes.randomElement(using: &rng) {
                let junk: [[UInt8]] = [[0xFF], [0xC3], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80], [0x00],
                                       Array("\\u0000".utf8), Array("\\ud800".utf8), Array("\\udfff\\ud800".utf8), Array("\\uZZZZ".utf8), [0x80, 0x80]]
                text.insert(contentsOf: rng.pick(junk), at: at + 1 < text.count ? at + 1 : at)
            }
            return ("encoding", text)
        case 10:
            // Numbers out of range in the envelope or the arguments.
            let numbers = ["1e999", "-1e999", "1e-999", "123456789012345678901234567890", "-0", "0.0000000000000000000001",
                           "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648", "1.5", "1E400", "00", "01", "-", "1.", ".5", "+1"]
            let n = rng.pick(numbers)
            let templates = [
                #"{"id":N,"params":{"service":"common","method":"version"}}"#,
                #"{"id":1,"params":{"service":"object","method":"execute_kw","args":["DB",N,"PW","res.partner","search",[[]]]}}"#,
                #"{"id":1,"params":{"service":"object","method":"execute_kw","args":["DB",UID,"PW","res.partner","read",[[N]]]}}"#,
                #"{"id":1,"params":{"service":"object","method":"execute_kw","args":["DB",UID,"PW","crm.lead","search",[[["expected_revenue",">",N]]]]}}"#,
                #"{"id":1,"params":{"service":"object","method":"execute_kw","args":["DB",UID,"PW","crm.lead","search_read",[[]],{"limit":N,"offset":N}]}}"#,
                #"{"id":1,"params":{"service":"object","method":"execute_kw","args":["DB",UID,"PW","crm.lead","create",[{"name":"n","probability":N,"color":N}]]}}"#,
                #"{"id":1,"params":{"service":"object","method":"execute_kw","args":["DB",UID,"PW","crm.lead","search",[[["color","in",[N]]]]]}}"#,
                #"{"id":1,"params":{"service":"object","method":"execute_kw","args":["DB",UID,"PW","crm.lead","write",[[N],{"color":N}]]}}"#,
            ]
            let text = rng.pick(templates).replacingOccurrences(of: "N", with: n).replacingOccurrences(of: "DB", with: db.stringValue ?? "")
                .replacingOccurrences(of: "UID", with: String(uid.intValue ?? 0)).replacingOccurrences(of: "PW", with: password.stringValue ?? "")
            return ("numbers", Array(text.utf8))
        case 11:
            // Duplicate keys: which one wins must not matter for safety.
            let dups = [
                #"{"id":1,"id":2,"params":{"service":"common","method":"version"},"params":{"service":"db","method":"list"}}"#,
                #"{"params":{"service":"object","service":"common","method":"version","method":"login","args":[]}}"#,
                #"{"params":{"service":"object","method":"execute_kw","args":["DB",UID,"PW","res.partner","search_read",[[]],{"fields":["name"],"fields":["password"],"context":{"allowed_company_ids":[1],"allowed_company_ids":[2,3]}}]}}"#,
                #"{"params":{"service":"object","method":"execute_kw","args":["DB",UID,"PW","res.partner","create",[{"name":"a","name":"b","company_id":2,"company_id":1}]]}}"#,
            ]
            let text = rng.pick(dups).replacingOccurrences(of: "DB", with: db.stringValue ?? "")
                .replacingOccurrences(of: "UID", with: String(uid.intValue ?? 0)).replacingOccurrences(of: "PW", with: password.stringValue ?? "")
            return ("duplicates", Array(text.utf8))
        case 12:
            // Other services and methods with random arguments.
            let params: JSONValue = ["service": .string(rng.pick(["common", "db", "object", rng.hostileString()])),
                                     "method": .string(rng.chance(0.7) ? rng.pick(["login", "authenticate", "version", "list", "db_exist", "drop", "execute", "execute_kw", "server_version", "list_lang", "create_database"]) : rng.hostileString()),
                                     "args": rng.chance(0.8) ? .array((0..<rng.int(0..<5)).map { _ in rng.json(depth: 2) }) : rng.json()]
            return ("services", envelope(params, &rng).jsonBytes)
        case 13:
            // Envelope shapes.
            let shapes: [JSONValue] = [[], "x", 1, .null, ["params": rng.json()], ["params": ["service": rng.json()]], ["method": "call", "params": [:]],
                                       ["jsonrpc": "1.0", "params": ["service": "common", "method": "version"]], ["params": ["service": "common", "method": "version", "args": rng.json()]]]
            return ("shapes", rng.pick(shapes).jsonBytes)
        case 14:
            // A wrong password for random uids (not the fixture's users, whose logins must stay unthrottled).
            let call: JSONValue = ["service": "object", "method": "execute_kw", "args": [db, .int(rng.int(1000..<2000)), .string(rng.hostileString()), "res.partner", "search", [[]]]]
            return ("bad credentials", envelope(call, &rng).jsonBytes)
        default:
            return ("execute_kw", envelope(executeKW(&rng), &rng).jsonBytes)
        }
    }
}
