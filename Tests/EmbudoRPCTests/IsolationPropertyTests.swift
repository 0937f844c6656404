import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import Foundation
import PGClient
import Testing

/// An independent model of what each company holds and who may do what (README, "CRM rules in
/// PostgreSQL"), driven by a seeded random sequence of operations through the real dispatcher and the
/// BI logins. Every outcome (result, or the Odoo exception name) is compared with the model's
/// prediction; the model changes only when the call succeeded.
///
/// `EMBUDO_PROPERTY_SEED=<n>` replays a run, `EMBUDO_PROPERTY_OPS=<n>` sets its length (default 10,000,
/// about 25–40 s on the 2-core machine), `EMBUDO_PROPERTY_MAX_MISMATCHES=<n>` how many mismatches to
/// collect before stopping (default 1: the model may diverge after one), `EMBUDO_PROPERTY_TRACE=1`
/// prints every operation. The deviations of Embudo from the documented rules that this test found are
/// listed below (`known…`) and were fixed, so they fail the test like any mismatch;
/// `EMBUDO_PROPERTY_STRICT=0` records them as known issues instead (the first of each kind shown, all
/// counted), for bisecting.
///
/// Identities: administrators invite logins (never a membership until the invitee accepts, inviting
/// again renews the pending invitation), invitees answer their own invitations only, users change their
/// own preferences only. Raw outgoing mail needs "all documents", the sender's own address and a lead of
/// the current company.
///
/// Rules the model encodes where README says nothing and the SQL is explicit: order actions
/// (`action_confirm` / `action_cancel`) and `mail.activity.action_done` refuse records the caller cannot
/// see with one UserError ("do not exist or you cannot see them"); scheduling an activity on a document
/// the caller cannot change is an AccessError; a lead lost already keeps activities scheduled on it later.
@Suite("Isolation property")
struct IsolationPropertyTests {
    // MARK: the model (no SQL)

    enum Outcome: Equatable, CustomStringConvertible {
        case ok(String)
        case error(String)
        var description: String {
            switch self {
            case .ok(let value): return "ok(\(value))"
            case .error(let name): return name
            }
        }
    }

    struct Lead { let id: Int; let company: Int; var salesperson: Int?; var active = true; var won = false; var deleted = false; var messages = 0 }
    struct Order { let id: Int; let company: Int; var salesperson: Int?; var state = "draft"; var deleted = false }
    struct Activity { let id: Int; let lead: Int; var done = false; var gone = false }
    /// A company's invitation of a login (an address of a fixture user, or one nobody holds yet).
    struct Invitation { let id: Int; let company: Int; let invitee: String; var level: AccessLevel; var state = "pending" }

    struct Model {
        /// Memberships grow when invitations are accepted.
        var levels: [String: [Int: AccessLevel]]
        let users: [String: Int]
        var leads: [Int: Lead] = [:]
        var orders: [Int: Order] = [:]
        var activities: [Int: Activity] = [:]
        var invitations: [Int: Invitation] = [:]
        /// Each user's time zone (their own preference).
        var timeZones: [String: String] = [:]

        func rank(_ level: AccessLevel?) -> Int {
            switch level {
            case .admin: return 2
            case .all: return 1
            case .own: return 0
            default: return -1
            }
        }
        func level(_ login: String, _ company: Int) -> Int { rank(levels[login]?[company]) }
        /// A record of `company` with `salesperson` is visible to `login` acting in `context`.
        func visible(_ login: String, _ context: [Int], _ company: Int, _ salesperson: Int?) -> Bool {
            guard context.contains(company) else { return false }
            let level = level(login, company)
            return level >= 1 || (level == 0 && (salesperson == nil || salesperson == users[login]))
        }
        /// The refusal of touching a record, or nil: gone or in a company outside the context → MissingError,
        /// hidden by the access level → AccessError.
        func refusal(_ login: String, _ context: [Int], company: Int, salesperson: Int?, deleted: Bool) -> String? {
            if deleted || !context.contains(company) { return "MissingError" }
            return visible(login, context, company, salesperson) ? nil : "AccessError"
        }
        func leadRefusal(_ login: String, _ context: [Int], _ id: Int) -> String? {
            let lead = leads[id]!
            return refusal(login, context, company: lead.company, salesperson: lead.salesperson, deleted: lead.deleted)
        }
        func orderRefusal(_ login: String, _ context: [Int], _ id: Int) -> String? {
            let order = orders[id]!
            return refusal(login, context, company: order.company, salesperson: order.salesperson, deleted: order.deleted)
        }
        func visibleLeads(_ login: String, _ context: [Int]) -> [Lead] {
            leads.values.filter { !$0.deleted && visible(login, context, $0.company, $0.salesperson) }
        }
        func visibleOrders(_ login: String, _ context: [Int]) -> [Order] {
            orders.values.filter { !$0.deleted && visible(login, context, $0.company, $0.salesperson) }
        }
        /// Invitations `login` reads acting in `context`: those of the companies they administer there, and
        /// those still pending that are addressed to them (whatever the company).
        func visibleInvitations(_ login: String, _ context: [Int]) -> [Int] {
            invitations.values.filter { ($0.invitee == login && $0.state == "pending") || (context.contains($0.company) && level(login, $0.company) == 2) }.map(\.id)
        }
        func pendingInvitation(company: Int, invitee: String) -> Invitation? {
            invitations.values.first { $0.company == company && $0.invitee == invitee && $0.state == "pending" }
        }
    }

    // MARK: deviations found by this test, since fixed (EMBUDO_PROPERTY_STRICT=0 tolerates them)

    static let knownLostIgnoresUnseen = "crm.lead.action_set_lost on a lead the caller cannot see (other company, deleted, or hidden by the access level) answers True and changes nothing, instead of MissingError / AccessError (CRMActions.swift runs it with `expecting: nil`)"
    static let knownWonHiddenIsMissing = "crm.lead.action_set_won on a lead of the caller's company hidden by the access level answers MissingError, not AccessError as README's rule says (CRMActions.swift `run` throws missing without embudo.count_existing)"

    static let knownPostHiddenIsMissing = "crm.lead.message_post on a lead of the caller's company hidden by the access level answers MissingError, not AccessError as README's rule says (CRMActions.swift throws missing when fewer rows were inserted)"

    static let knownActivityInOtherAllowedCompany = "mail.activity.create on a lead of an allowed company other than the current one (allowed_company_ids = [current, other]) fails with ValidationError: the activity gets company_id = current company (ModelService.swift defaults company_id from tenant.companyIDs.first, the mail.activity trigger does not take the document's), so the composite foreign key to the lead fails"

    // MARK: the run

    @Test(.tags(.slow), .enabled(if: SlowTests.enabled)) func randomOperationsMatchTheModel() async throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["EMBUDO_PROPERTY_SEED"].flatMap { UInt64($0) } ?? 20_261_128
        let count = environment["EMBUDO_PROPERTY_OPS"].flatMap { Int($0) } ?? 10_000
        let strictFromEnvironment = environment["EMBUDO_PROPERTY_STRICT"] != "0"
        let maxMismatches = environment["EMBUDO_PROPERTY_MAX_MISMATCHES"].flatMap { Int($0) } ?? 1
        var rng = SplitMix64(seed: seed)
        print("IsolationPropertyTests: seed \(seed) (replay with EMBUDO_PROPERTY_SEED=\(seed)), \(count) operations" + (strictFromEnvironment ? ", strict" : ""))
        let f = try await IsolationFixture()
        defer { f.shutdown() }
        let started = ContinuousClock.now
        var model = Model(levels: f.levels, users: f.users)
        var bi: [Int: PGConnection] = [:]
        for company in f.companies { bi[company] = try PGConnection(conninfo: f.database.conninfo(user: f.biLogins[company]!)) }
        let logins = IsolationFixture.logins
        var mismatches: [String] = []
        var knownCounts: [String: Int] = [:]
        let strict = environment["EMBUDO_PROPERTY_STRICT"] != "0"
        let trace = environment["EMBUDO_PROPERTY_TRACE"] == "1"
        var counts: [String: Int] = [:]

        /// Records a mismatch; true when the run must stop.
        func compare(_ index: Int, _ what: String, expected: Outcome, actual: Outcome, raw: JSONValue? = nil, known: String? = nil) -> Bool {
            if trace { print("trace #\(index) \(what) → \(actual)") }
            guard expected != actual else { return false }
            let message = "seed \(seed) (EMBUDO_PROPERTY_SEED=\(seed)), operation #\(index): \(what): expected \(expected), got \(actual)"
                + (raw.map { " — answer \($0)" } ?? "")
            if let known, !strict {
                // A deviation already reported (see the list at the top); counted, shown, not fatal.
                knownCounts[known, default: 0] += 1
                if knownCounts[known] == 1 { withKnownIssue(Comment(rawValue: known)) { Issue.record(Comment(rawValue: message)) } }
                return false
            }
            mismatches.append(message)
            Issue.record(Comment(rawValue: message))
            return mismatches.count >= maxMismatches
        }

        /// A context for `login`: one of its companies, or (for users of several) all of them in any
        /// order; now and then one with a company it is no member of.
        func context(_ login: String) -> (companies: [Int], valid: Bool) {
            let member = Array(model.levels[login]!.keys).sorted()
            if Int.random(in: 0..<40, using: &rng) == 0, let stranger = f.companies.filter({ !member.contains($0) }).randomElement(using: &rng) {
                return ([member[0], stranger].shuffled(using: &rng), false)
            }
            if member.count == 1 { return (member, true) }
            switch Int.random(in: 0..<4, using: &rng) {
            case 0, 1: return ([member.randomElement(using: &rng)!], true)
            default: return (member.shuffled(using: &rng), true)
            }
        }
        func members(_ company: Int) -> [Int] { logins.filter { model.levels[$0]![company] != nil }.map { f.users[$0]! } }
        /// Someone to invite: a fixture user, or an address no identity holds yet (a few, so that they recur).
        func invitee() -> String {
            Bool.random(using: &rng) ? logins.randomElement(using: &rng)! : "new\(Int.random(in: 0..<4, using: &rng))@prop.example"
        }
        /// A salesperson for a record of `company` as `login`: themself, a colleague, or none.
        func salesperson(_ login: String, _ company: Int) -> Int? {
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return f.users[login]!
            case 1: return members(company).filter { $0 != f.users[login]! }.randomElement(using: &rng)!
            default: return nil
            }
        }
        func json(_ id: Int?) -> JSONValue { id.map(JSONValue.int) ?? false }
        func someLead() -> Int? { model.leads.keys.sorted().randomElement(using: &rng) }
        func someOrder() -> Int? { model.orders.keys.sorted().randomElement(using: &rng) }

        // Read-only checks run in concurrent batches against the same model state.
        typealias Check = @Sendable () async throws -> (Outcome, JSONValue?)
        var batch: [(index: Int, what: String, expected: Outcome, run: Check)] = []
        func flush() async throws -> Bool {
            let current = batch
            batch = []
            let results = try await withThrowingTaskGroup(of: (Int, Outcome, JSONValue?).self) { group in
                for (position, item) in current.enumerated() {
                    group.addTask { let (actual, raw) = try await item.run(); return (position, actual, raw) }
                }
                var results: [Int: (Outcome, JSONValue?)] = [:]
                for try await (position, actual, raw) in group { results[position] = (actual, raw) }
                return results
            }
            for (position, item) in current.enumerated() {
                let (actual, raw) = results[position]!
                if compare(item.index, item.what, expected: item.expected, actual: actual, raw: raw) { return true }
            }
            return false
        }

        var index = 0
        operations: while index < count {
            index += 1
            let login = logins.randomElement(using: &rng)!
            let (ctx, valid) = context(login)
            let current = ctx[0]
            let roll = Int.random(in: 0..<110, using: &rng)
            // Every call made in a context with a company one is not a member of is refused as a whole.
            let invalid: String? = valid ? nil : "AccessError"

            if roll < 45 || (106..<108).contains(roll) {
                // Read-only: batched.
                let expected: Outcome
                let what: String
                let run: Check
                switch roll {
                case 0..<10:
                    let picked = (0..<Int.random(in: 1...3, using: &rng)).compactMap { _ in someLead() }
                    let visible = picked.filter { !model.leads[$0]!.deleted && model.visible(login, ctx, model.leads[$0]!.company, model.leads[$0]!.salesperson) }
                    expected = invalid.map(Outcome.error) ?? .ok(propIDs(Set(visible)))
                    what = "\(login) \(ctx) crm.lead.read \(picked)"
                    run = { (propOutcome(try await f.kw(login, ctx, "crm.lead", "read", [.array(Set(picked).sorted().map(JSONValue.int))], ["fields": ["name"]]), propIDList), nil) }
                    counts["lead read", default: 0] += 1
                case 10..<16:
                    let archived = Bool.random(using: &rng)
                    let visible = model.visibleLeads(login, ctx).filter { archived || $0.active }.map(\.id)
                    expected = invalid.map(Outcome.error) ?? .ok(propIDs(visible))
                    what = "\(login) \(ctx) crm.lead.search archived=\(archived)"
                    let domain: JSONValue = archived ? [["active", "in", [true, false]]] : []
                    run = { (propOutcome(try await f.kw(login, ctx, "crm.lead", "search", [domain]), propIDList), nil) }
                    counts["lead search", default: 0] += 1
                case 16..<20:
                    let visible = model.visibleLeads(login, ctx).filter(\.active)
                    expected = invalid.map(Outcome.error) ?? .ok("\(visible.count) won \(visible.filter(\.won).count)")
                    what = "\(login) \(ctx) crm.lead.read_group stage_id"
                    run = {
                        let answer = try await f.kw(login, ctx, "crm.lead", "read_group", [[], ["expected_revenue"], ["stage_id"]], ["lazy": true])
                        return (propOutcome(answer) { groups in
                            let columns = groups.arrayValue ?? []
                            let total = columns.compactMap { $0["stage_id_count"]?.intValue }.reduce(0, +)
                            let won = columns.filter { $0["stage_id"]?.arrayValue?[1].stringValue == "Won" }.compactMap { $0["stage_id_count"]?.intValue }.reduce(0, +)
                            return "\(total) won \(won)"
                        }, answer)
                    }
                    counts["lead read_group", default: 0] += 1
                case 20..<24:
                    let picked = (0..<Int.random(in: 1...3, using: &rng)).compactMap { _ in someOrder() }
                    let visible = picked.filter { !model.orders[$0]!.deleted && model.visible(login, ctx, model.orders[$0]!.company, model.orders[$0]!.salesperson) }
                    expected = invalid.map(Outcome.error) ?? .ok(propIDs(Set(visible)))
                    what = "\(login) \(ctx) sale.order.read \(picked)"
                    run = { (propOutcome(try await f.kw(login, ctx, "sale.order", "read", [.array(Set(picked).sorted().map(JSONValue.int))], ["fields": ["state"]]), propIDList), nil) }
                    counts["order read", default: 0] += 1
                case 24..<28:
                    let visible = model.visibleOrders(login, ctx)
                    expected = invalid.map(Outcome.error) ?? .ok("\(visible.count) sale \(visible.filter { $0.state == "sale" }.count)")
                    what = "\(login) \(ctx) sale.order.search_count"
                    run = {
                        let all = try await f.kw(login, ctx, "sale.order", "search_count", [[]])
                        let sold = try await f.kw(login, ctx, "sale.order", "search_count", [[["state", "=", "sale"]]])
                        if all["result"] == nil { return (propOutcome(all) { _ in "" }, all) }
                        return (.ok("\(all["result"]?.intValue ?? -1) sale \(sold["result"]?.intValue ?? -1)"), nil)
                    }
                    counts["order search_count", default: 0] += 1
                case 28..<33:
                    let visibleLeads = model.visibleLeads(login, ctx)
                    let visible = Set(visibleLeads.map(\.id))
                    let pending = model.activities.values.filter { !$0.done && !$0.gone && visible.contains($0.lead) }.count
                    let messages = visibleLeads.map(\.messages).reduce(0, +)
                    expected = invalid.map(Outcome.error) ?? .ok("activities \(pending) messages \(messages) leads \(visibleLeads.count)")
                    what = "\(login) \(ctx) mail.activity/mail.message/crm.lead search_count"
                    run = {
                        let activities = try await f.kw(login, ctx, "mail.activity", "search_count", [[["res_model", "=", "crm.lead"]]])
                        let messages = try await f.kw(login, ctx, "mail.message", "search_count", [[["body", "ilike", "propmsg"]]])
                        let leads = try await f.kw(login, ctx, "crm.lead", "search_count", [[["active", "in", [true, false]]]])
                        if activities["result"] == nil { return (propOutcome(activities) { _ in "" }, activities) }
                        return (.ok("activities \(activities["result"]?.intValue ?? -1) messages \(messages["result"]?.intValue ?? -1) leads \(leads["result"]?.intValue ?? -1)"), messages["result"] == nil ? messages : nil)
                    }
                    counts["activity/message/lead search_count", default: 0] += 1
                case 106..<108:
                    // Invitations as the caller sees them, and their own time zone.
                    let invitations = model.visibleInvitations(login, ctx)
                    let zone = model.timeZones[login] ?? "UTC"
                    expected = invalid.map(Outcome.error) ?? .ok("invitations \(propIDs(invitations)) tz \(zone)")
                    what = "\(login) \(ctx) res.users.invitation.search / res.users.read tz"
                    let me = f.users[login]!
                    run = {
                        let found = try await f.kw(login, ctx, "res.users.invitation", "search", [[]])
                        let read = try await f.kw(login, ctx, "res.users", "read", [[.int(me)]], ["fields": ["tz"]])
                        if found["result"] == nil { return (propOutcome(found) { _ in "" }, found) }
                        let tz = read["result"]?.arrayValue?.first?["tz"]?.stringValue ?? "\(read)"
                        return (.ok("invitations \(propIDList(found["result"]!)) tz \(tz)"), nil)
                    }
                    counts["invitation search / own tz", default: 0] += 1
                default:
                    // A BI login: exactly its company's rows (run here, on its own connection).
                    let company = f.companies.randomElement(using: &rng)!
                    let leads = model.leads.values.filter { !$0.deleted && $0.company == company }
                    let orders = model.orders.values.filter { !$0.deleted && $0.company == company }
                    let expectedText = "leads \(propIDs(leads.map(\.id))) active \(leads.filter(\.active).count) won \(leads.filter { $0.won && $0.active }.count) foreign 0"
                        + " | orders \(propIDs(orders.map(\.id))) sale \(orders.filter { $0.state == "sale" }.count) foreign 0"
                    let connection = bi[company]!
                    let actual: Outcome
                    do {
                        let l = try connection.query("""
                            SELECT coalesce(string_agg(id::text, ',' ORDER BY id) FILTER (WHERE company_id = \(company)), ''),
                                   count(*) FILTER (WHERE active)::int, count(*) FILTER (WHERE active AND stage_is_won)::int,
                                   count(*) FILTER (WHERE company_id <> \(company))::int FROM report.opportunity
                            """)[0].decode((String, Int, Int, Int).self)
                        let o = try connection.query("""
                            SELECT coalesce(string_agg(DISTINCT order_id::text, ',') FILTER (WHERE company_id = \(company)), ''),
                                   count(DISTINCT order_id) FILTER (WHERE state = 'sale')::int,
                                   count(*) FILTER (WHERE company_id <> \(company))::int FROM report.sales
                            """)[0].decode((String, Int, Int).self)
                        let orderIDs = propIDs(o.0.split(separator: ",").compactMap { Int($0) })
                        actual = .ok("leads \(l.0) active \(l.1) won \(l.2) foreign \(l.3) | orders \(orderIDs) sale \(o.1) foreign \(o.2)")
                    } catch {
                        actual = .error("\(error)")
                    }
                    counts["BI report query", default: 0] += 1
                    if compare(index, "BI login of company \(company): report.opportunity / report.sales", expected: .ok(expectedText), actual: actual) { break operations }
                    continue operations
                }
                batch.append((index, what, expected, run))
                if batch.count >= 8, try await flush() { break operations }
                continue operations
            }

            // Writes: in order, after the pending reads.
            if !batch.isEmpty, try await flush() { break operations }
            var known: String? = nil
            switch roll {
            case 100..<102:
                // An administrator invites a login: never a membership, never a password; inviting again renews.
                let target = invitee()
                let level = [AccessLevel.own, .all, .admin].randomElement(using: &rng)!
                let renewed = model.pendingInvitation(company: current, invitee: target)
                var refusal = invalid
                if refusal == nil, model.level(login, current) < 2 { refusal = "AccessError" }
                if refusal == nil, model.levels[target]?[current] != nil { refusal = "ValidationError" }
                let answer = try await f.kw(login, ctx, "res.users", "create", [["login": .string(target), "name": .string("Invitee \(index)"), "access_level": .string(level.rawValue)]])
                let earlier = model.invitations
                let actual = propOutcome(answer) { value in
                    guard let id = value.intValue else { return "\(value)" }
                    return earlier[id] != nil ? "renewed \(id)" : "new"
                }
                counts["user invite", default: 0] += 1
                let expectedOutcome: Outcome = refusal.map(Outcome.error) ?? .ok(renewed.map { "renewed \($0.id)" } ?? "new")
                if compare(index, "\(login) \(ctx) res.users.create invite \(target) as \(level) into \(current)", expected: expectedOutcome, actual: actual, raw: answer) { break operations }
                if case .ok = actual, case .ok = expectedOutcome, let id = answer["result"]?.intValue {
                    model.invitations[id] = Invitation(id: id, company: current, invitee: target, level: level)
                }
            case 102..<104:
                // The invitee answers (their own pending invitation mostly; anyone else's now and then).
                let mine = model.invitations.values.filter { $0.invitee == login && $0.state == "pending" }.map(\.id).sorted()
                guard let id = (Int.random(in: 0..<10, using: &rng) < 7 ? mine.randomElement(using: &rng) : nil)
                    ?? model.invitations.keys.sorted().randomElement(using: &rng) else { continue }
                let invitation = model.invitations[id]!
                let accept = Bool.random(using: &rng)
                let refusal = invalid ?? (invitation.invitee == login && invitation.state == "pending" ? nil : "MissingError")
                let answer = try await f.kw(login, ctx, "res.users.invitation", accept ? "action_accept" : "action_decline", [[.int(id)]])
                let actual = propOutcome(answer) { _ in "done" }
                counts[accept ? "invitation accept" : "invitation decline", default: 0] += 1
                let expectedOutcome: Outcome = refusal.map(Outcome.error) ?? .ok("done")
                if compare(index, "\(login) \(ctx) res.users.invitation.\(accept ? "action_accept" : "action_decline") \(id) (\(invitation))", expected: expectedOutcome, actual: actual, raw: answer) { break operations }
                if case .ok = actual, case .ok = expectedOutcome {
                    model.invitations[id]!.state = accept ? "accepted" : "declined"
                    if accept { model.levels[login]![invitation.company] = invitation.level }
                }
            case 104:
                // An administrator withdraws an invitation of their company; others' are missing.
                guard let id = model.invitations.keys.sorted().randomElement(using: &rng) else { continue }
                let invitation = model.invitations[id]!
                let refusal = invalid ?? (ctx.contains(invitation.company) && model.level(login, invitation.company) == 2 ? nil : "MissingError")
                let answer = try await f.kw(login, ctx, "res.users.invitation", "action_cancel", [[.int(id)]])
                let actual = propOutcome(answer) { _ in "done" }
                counts["invitation cancel", default: 0] += 1
                let expectedOutcome: Outcome = refusal.map(Outcome.error) ?? .ok("done")
                if compare(index, "\(login) \(ctx) res.users.invitation.action_cancel \(id) (\(invitation))", expected: expectedOutcome, actual: actual, raw: answer) { break operations }
                if case .ok = actual, case .ok = expectedOutcome, invitation.state == "pending" { model.invitations[id]!.state = "cancelled" }
            case 108..<110:
                // Raw outgoing mail: "all documents" in the current company, sent as oneself, about a lead of
                // that company (which such a user can change); anything else is refused.
                let spoofed = Int.random(in: 0..<3, using: &rng) == 0
                let lead = Bool.random(using: &rng) ? someLead() : nil
                var values: [String: JSONValue] = [
                    "email_from": .string(spoofed ? "ceo@bank.example" : login), "email_to": "customer@prop.example",
                    "subject": .string("Mail \(index)"), "body_html": "<p>Hello</p>",
                ]
                if let lead { values["model"] = "crm.lead"; values["res_id"] = .int(lead) }
                var refusal = invalid
                if refusal == nil, model.level(login, current) < 1 { refusal = "AccessError" }
                if refusal == nil, spoofed { refusal = "AccessError" }
                if refusal == nil, let lead, model.leads[lead]!.company != current || model.leads[lead]!.deleted { refusal = "AccessError" }
                let answer = try await f.kw(login, ctx, "mail.mail", "create", [.object(values)])
                let actual = propOutcome(answer) { $0.intValue != nil ? "id" : "\($0)" }
                counts["mail create", default: 0] += 1
                let expectedOutcome: Outcome = refusal.map(Outcome.error) ?? .ok("id")
                if compare(index, "\(login) \(ctx) mail.mail.create from \(spoofed ? "someone else" : "themself") about lead \(lead.map(String.init) ?? "none")",
                           expected: expectedOutcome, actual: actual, raw: answer) { break operations }
            case 105:
                // Preferences: one's own only.
                let target = Int.random(in: 0..<5, using: &rng) == 0 ? logins.randomElement(using: &rng)! : login
                let zone = ["UTC", "America/Mexico_City", "Europe/Madrid", "Asia/Tokyo"].randomElement(using: &rng)!
                let refusal = invalid ?? (target == login ? nil : "AccessError")
                let answer = try await f.kw(login, ctx, "res.users", "write", [[.int(f.users[target]!)], ["tz": .string(zone)]])
                let actual = propOutcome(answer) { $0 == true ? "true" : "\($0)" }
                counts["preferences write", default: 0] += 1
                let expectedOutcome: Outcome = refusal.map(Outcome.error) ?? .ok("true")
                if compare(index, "\(login) \(ctx) res.users.write \(target) tz \(zone)", expected: expectedOutcome, actual: actual, raw: answer) { break operations }
                if case .ok = actual, case .ok = expectedOutcome { model.timeZones[login] = zone }
            case 45..<57:
                let company = current
                let person = salesperson(login, company)
                let allowed = model.level(login, company) >= 1 || person == nil || person == f.users[login]
                let expected: Outcome = invalid.map(Outcome.error) ?? (allowed ? .ok("id") : .error("AccessError"))
                let answer = try await f.kw(login, ctx, "crm.lead", "create", [["name": .string("Lead \(index)"), "user_id": json(person)]])
                let actual = propOutcome(answer) { $0.intValue != nil ? "id" : "\($0)" }
                counts["lead create", default: 0] += 1
                let expectedOutcome: Outcome = expected
                if compare(index, "\(login) \(ctx) crm.lead.create salesperson \(person.map(String.init) ?? "none")", expected: expectedOutcome, actual: actual, raw: answer, known: known) { break operations }
                if case .ok = actual, case .ok = expectedOutcome, let id = answer["result"]?.intValue { model.leads[id] = Lead(id: id, company: company, salesperson: person) }
            case 57..<65:
                guard let id = someLead() else { continue }
                let lead = model.leads[id]!
                var values: [String: JSONValue] = [:]
                var newPerson = lead.salesperson
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: values["name"] = .string("Renamed \(index)")
                case 1: values["expected_revenue"] = .int(Int.random(in: 0...10_000, using: &rng))
                default:
                    newPerson = salesperson(login, lead.company)
                    values["user_id"] = json(newPerson)
                }
                var refusal = invalid ?? model.leadRefusal(login, ctx, id)
                if refusal == nil, !model.visible(login, ctx, lead.company, newPerson) { refusal = "AccessError" }
                let answer = try await f.kw(login, ctx, "crm.lead", "write", [[.int(id)], .object(values)])
                let actual = propOutcome(answer) { $0 == true ? "true" : "\($0)" }
                counts["lead write", default: 0] += 1
                let expectedOutcome: Outcome = refusal.map(Outcome.error) ?? .ok("true")
                if compare(index, "\(login) \(ctx) crm.lead.write \(id) \(values) (lead \(lead))", expected: expectedOutcome, actual: actual, raw: answer, known: known) { break operations }
                if case .ok = actual, case .ok = expectedOutcome { model.leads[id]!.salesperson = newPerson }
            case 65..<69:
                guard let id = someLead() else { continue }
                let lead = model.leads[id]!
                var refusal = invalid ?? model.leadRefusal(login, ctx, id)
                if refusal == nil, model.level(login, lead.company) < 2 { refusal = "AccessError" }
                let answer = try await f.kw(login, ctx, "crm.lead", "unlink", [[.int(id)]])
                let actual = propOutcome(answer) { $0 == true ? "true" : "\($0)" }
                counts["lead unlink", default: 0] += 1
                let expectedOutcome: Outcome = refusal.map(Outcome.error) ?? .ok("true")
                if compare(index, "\(login) \(ctx) crm.lead.unlink \(id) (lead \(lead))", expected: expectedOutcome, actual: actual, raw: answer, known: known) { break operations }
                if case .ok = actual, case .ok = expectedOutcome {
                    model.leads[id]!.deleted = true
                    for (key, activity) in model.activities where activity.lead == id { model.activities[key]!.gone = true }
                }
            case 69..<75:
                guard let id = someLead() else { continue }
                let lead = model.leads[id]!
                let won = Bool.random(using: &rng)
                let refusal = invalid ?? model.leadRefusal(login, ctx, id)
                let answer = try await f.kw(login, ctx, "crm.lead", won ? "action_set_won" : "action_set_lost", [[.int(id)]])
                let actual = propOutcome(answer) { _ in "done" }
                if invalid == nil, !won, refusal != nil, actual == .ok("done") { known = Self.knownLostIgnoresUnseen }
                if invalid == nil, won, refusal == "AccessError", actual == .error("MissingError") { known = Self.knownWonHiddenIsMissing }
                counts[won ? "lead action_set_won" : "lead action_set_lost", default: 0] += 1
                let expectedOutcome: Outcome = refusal.map(Outcome.error) ?? .ok("done")
                if compare(index, "\(login) \(ctx) crm.lead.\(won ? "action_set_won" : "action_set_lost") \(id) (lead \(lead))", expected: expectedOutcome, actual: actual, raw: answer, known: known) { break operations }
                if case .ok = actual, case .ok = expectedOutcome {
                    model.leads[id]!.won = won
                    model.leads[id]!.active = won
                    // Losing removes the pending activities of an active lead; a lead lost already keeps those
                    // scheduled on it since (Embudo allows scheduling on archived leads, as Odoo does).
                    if !won, lead.active { for (key, activity) in model.activities where activity.lead == id && !activity.done { model.activities[key]!.gone = true } }
                }
            case 75..<81:
                let company = current
                let person = salesperson(login, company)
                let allowed = model.level(login, company) >= 1 || person == nil || person == f.users[login]
                let expected: Outcome = invalid.map(Outcome.error) ?? (allowed ? .ok("id") : .error("AccessError"))
                let (partner, product) = f.catalogue[company]!
                let answer = try await f.kw(login, ctx, "sale.order", "create", [[
                    "partner_id": .int(partner), "user_id": json(person), "order_line": [[0, 0, ["product_id": .int(product)]]],
                ]])
                let actual = propOutcome(answer) { $0.intValue != nil ? "id" : "\($0)" }
                counts["order create", default: 0] += 1
                let expectedOutcome: Outcome = expected
                if compare(index, "\(login) \(ctx) sale.order.create salesperson \(person.map(String.init) ?? "none")", expected: expectedOutcome, actual: actual, raw: answer, known: known) { break operations }
                if case .ok = actual, case .ok = expectedOutcome, let id = answer["result"]?.intValue { model.orders[id] = Order(id: id, company: company, salesperson: person) }
            case 81..<87:
                guard let id = someOrder() else { continue }
                let order = model.orders[id]!
                let method = ["action_confirm", "action_confirm", "action_cancel", "unlink"].randomElement(using: &rng)!
                var refusal = invalid ?? model.orderRefusal(login, ctx, id)
                if refusal == nil, method == "unlink" {
                    if model.level(login, order.company) < 2 { refusal = "AccessError" } else if !["draft", "cancel"].contains(order.state) { refusal = "UserError" }
                }
                if refusal == nil, method == "action_confirm", !["draft", "sent"].contains(order.state) { refusal = "UserError" }
                if refusal == nil, method == "action_cancel", !["draft", "sent", "sale"].contains(order.state) { refusal = "UserError" }
                // The order actions' SQL refuses unseen orders as one UserError ("do not exist or you cannot see them").
                if invalid == nil, method != "unlink", refusal == "MissingError" || refusal == "AccessError" { refusal = "UserError" }
                let answer = try await f.kw(login, ctx, "sale.order", method, [[.int(id)]])
                let actual = propOutcome(answer) { _ in "done" }
                counts["order \(method)", default: 0] += 1
                let expectedOutcome: Outcome = refusal.map(Outcome.error) ?? .ok("done")
                if compare(index, "\(login) \(ctx) sale.order.\(method) \(id) (order \(order))", expected: expectedOutcome, actual: actual, raw: answer, known: known) { break operations }
                if case .ok = actual, case .ok = expectedOutcome {
                    switch method {
                    case "action_confirm": model.orders[id]!.state = "sale"
                    case "action_cancel": model.orders[id]!.state = "cancel"
                    default: model.orders[id]!.deleted = true
                    }
                }
            case 87..<92:
                guard let id = someLead() else { continue }
                let lead = model.leads[id]!
                var refusal = invalid ?? model.leadRefusal(login, ctx, id)
                // Scheduling on a document one cannot change is an AccessError, whatever hides it.
                if invalid == nil, refusal != nil { refusal = "AccessError" }
                let answer = try await f.kw(login, ctx, "mail.activity", "create", [["res_model": "crm.lead", "res_id": .int(id), "summary": .string("Act \(index)")]])
                let actual = propOutcome(answer) { $0.intValue != nil ? "id" : "\($0)" }
                counts["activity schedule", default: 0] += 1
                if invalid == nil, refusal == nil, lead.company != current, actual == .error("ValidationError") { known = Self.knownActivityInOtherAllowedCompany }
                let expectedOutcome: Outcome = refusal.map(Outcome.error) ?? .ok("id")
                if compare(index, "\(login) \(ctx) mail.activity.create on lead \(id) (lead \(lead))", expected: expectedOutcome, actual: actual, raw: answer, known: known) { break operations }
                if case .ok = actual, case .ok = expectedOutcome, let activity = answer["result"]?.intValue {
                    model.activities[activity] = Activity(id: activity, lead: id)
                }
            case 92..<96:
                guard let key = model.activities.keys.sorted().randomElement(using: &rng) else { continue }
                let activity = model.activities[key]!
                let lead = model.leads[activity.lead]!
                var refusal = invalid ?? model.leadRefusal(login, ctx, activity.lead)
                // action_done refuses unseen, removed and done activities as one UserError.
                if activity.gone || activity.done { refusal = refusal ?? "UserError" }
                if invalid == nil, refusal != nil { refusal = "UserError" }
                let answer = try await f.kw(login, ctx, "mail.activity", "action_done", [[.int(key)]])
                let actual = propOutcome(answer) { _ in "done" }
                counts["activity action_done", default: 0] += 1
                let expectedOutcome: Outcome = refusal.map(Outcome.error) ?? .ok("done")
                if compare(index, "\(login) \(ctx) mail.activity.action_done \(key) (\(activity), lead \(lead))", expected: expectedOutcome, actual: actual, raw: answer, known: known) { break operations }
                if case .ok = actual, case .ok = expectedOutcome { model.activities[key]!.done = true }
            default:
                guard let id = someLead() else { continue }
                let lead = model.leads[id]!
                let refusal = invalid ?? model.leadRefusal(login, ctx, id)
                let answer = try await f.kw(login, ctx, "crm.lead", "message_post", [[.int(id)]], ["body": .string("propmsg \(index)")])
                let actual = propOutcome(answer) { _ in "posted" }
                if invalid == nil, refusal == "AccessError", actual == .error("MissingError") { known = Self.knownPostHiddenIsMissing }
                counts["lead message_post", default: 0] += 1
                let expectedOutcome: Outcome = refusal.map(Outcome.error) ?? .ok("posted")
                if compare(index, "\(login) \(ctx) crm.lead.message_post \(id) (lead \(lead))", expected: expectedOutcome, actual: actual, raw: answer, known: known) { break operations }
                if case .ok = actual, case .ok = expectedOutcome { model.leads[id]!.messages += 1 }
            }
        }
        if mismatches.count < maxMismatches, !batch.isEmpty { _ = try await flush() }
        let elapsed = ContinuousClock.now - started
        bi.removeAll() // close the BI sessions before the fixture drops their logins
        print("IsolationPropertyTests: seed \(seed), \(index) operations in \(elapsed), \(mismatches.count) mismatches;"
              + " leads \(model.leads.count), orders \(model.orders.count), activities \(model.activities.count)")
        print("IsolationPropertyTests: known deviations " + knownCounts.map { "\($0.value)× \($0.key)" }.joined(separator: "; "))
        print("IsolationPropertyTests: mix " + counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
    }
}

fileprivate func propOutcome(_ answer: JSONValue, _ normalize: (JSONValue) -> String) -> IsolationPropertyTests.Outcome {
    if let result = answer["result"] { return .ok(normalize(result)) }
    let name = answer["error"]?["data"]?["name"]?.stringValue ?? "\(answer)"
    return .error(name.replacingOccurrences(of: "odoo.exceptions.", with: ""))
}
fileprivate func propIDList(_ value: JSONValue) -> String {
    (value.arrayValue ?? []).compactMap { $0.intValue ?? $0["id"]?.intValue }.sorted().map(String.init).joined(separator: ",")
}
fileprivate func propIDs<S: Sequence>(_ values: S) -> String where S.Element == Int { values.sorted().map(String.init).joined(separator: ",") }
