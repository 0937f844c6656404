import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// The report views (sql/modules/reports/views.sql): figures against hand-computed fixtures, the BI
/// login's isolation, the views' security options, and the same figures through the API.
@Suite("Reports")
struct ReportTests {
    /// Acme: L1 open (1,000 at 50 %, overdue, alex), L2 won (2,000, boss), L3 lost (500, boss), L4 an
    /// unassigned lead; a draft quotation (120) and a confirmed order (240); Beta: one opportunity.
    func pipeline(_ f: CRMFixture) async throws -> (l1: Int, l2: Int, team: Int) {
        let team = try #require(try await f.ok("boss", "crm.team", "search", [[["name", "=", "Sales"]]]).arrayValue?.first?.intValue)
        _ = try await f.ok("boss", "crm.team", "write", [[.int(team)], ["use_leads": true, "invoiced_target": 1000]])
        let connection = try f.database.adminConnection()
        let lastMonth = try connection.query("SELECT to_char((now() - interval '1 month')::date, 'YYYY-MM-DD')")[0].decode(String.self, at: 0)
        let l1 = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "L1", "type": "opportunity", "expected_revenue": 1000,
                                                                             "probability": 50, "date_deadline": .string(lastMonth)]]).intValue)
        let l2 = try #require(try await f.ok("boss", "crm.lead", "create", [["name": "L2", "type": "opportunity", "expected_revenue": 2000]]).intValue)
        let l3 = try #require(try await f.ok("boss", "crm.lead", "create", [["name": "L3", "type": "opportunity", "expected_revenue": 500]]).intValue)
        _ = try await f.ok("boss", "crm.lead", "create", [["name": "L4", "type": "lead", "user_id": false]])
        _ = try await f.ok("boss", "crm.lead", "action_set_won", [[.int(l2)]])
        _ = try await f.ok("boss", "crm.lead", "action_set_lost", [[.int(l3)]])
        _ = try await f.ok("bea", "crm.lead", "create", [["name": "B1", "type": "opportunity", "expected_revenue": 9999]])
        let customer = try #require(try await f.ok("boss", "res.partner", "create", [["name": "Buyer"]]).intValue)
        let product = try #require(try await f.ok("boss", "product.product", "create", [["name": "Chair", "list_price": 120]]).intValue)
        _ = try await f.ok("boss", "sale.order", "create", [["partner_id": .int(customer), "team_id": .int(team), "order_line": [[0, 0, ["product_id": .int(product)]]]]])
        let confirmed = try #require(try await f.ok("boss", "sale.order", "create", [["partner_id": .int(customer), "team_id": .int(team),
                                                                                      "order_line": [[0, 0, ["product_id": .int(product), "product_uom_qty": 2]]]]]).intValue)
        _ = try await f.ok("boss", "sale.order", "action_confirm", [[.int(confirmed)]])
        return (l1, l2, team)
    }

    @Test func figuresAgainstHandComputedFixtures() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        _ = try await pipeline(f)
        let login = "bi_acme_\(f.database.name)"
        try Administration(connection: try f.database.adminConnection()).createBILogin(company: f.acme, login: login, password: "x")
        defer { try? Administration(connection: try f.database.adminConnection()).dropBILogin(login: login) }
        let bi = try PGConnection(conninfo: f.database.conninfo(user: login))

        let stages = try bi.query("""
            SELECT stage_name, opportunity_count::int, expected_revenue::text, prorated_revenue::text FROM pipeline_by_stage
            WHERE team_name = 'Sales' ORDER BY stage_sequence
            """).decode((String, Int, String, String).self)
        #expect(stages.map(\.0) == ["New", "Qualified", "Proposition", "Won"])
        #expect(stages.map(\.1) == [1, 0, 0, 1])
        #expect(stages[0].2 == "1000.00" && stages[0].3 == "500.00")
        #expect(stages[3].2 == "2000.00" && stages[3].3 == "2000.00")

        let forecast = try bi.query("""
            SELECT deadline_month = date_trunc('month', now() - interval '1 month')::date, opportunity_count::int, expected_revenue::text,
                   prorated_revenue::text, overdue_count::int FROM forecast_monthly
            """).decode((Bool, Int, String, String, Int).self)
        #expect(forecast.count == 1)
        #expect(forecast.first.map { $0.0 && $0.1 == 1 && $0.2 == "1000.00" && $0.3 == "500.00" && $0.4 == 1 } == true)

        let won = try bi.query("SELECT won_count::int, won_revenue::text, lost_count::int, win_rate::text FROM won_revenue_monthly")
            .decode((Int, String, Int, String).self)
        #expect(won.count == 1)
        #expect(won.first.map { $0.0 == 1 && $0.1 == "2000.00" && $0.2 == 1 && $0.3 == "50.00" } == true)

        let leads = try bi.query("SELECT created_count::int, converted_count::int, lost_count::int, conversion_rate::text FROM leads_monthly")
            .decode((Int, Int, Int, String).self)
        #expect(leads.count == 1)
        #expect(leads.first.map { $0.0 == 4 && $0.1 == 0 && $0.2 == 1 && $0.3 == "0.00" } == true)

        let dashboard = try bi.query("""
            SELECT unassigned_leads::int, open_opportunities::int, open_opportunities_amount::text, overdue_opportunities::int,
                   quotations::int, quotations_amount::text, sales_this_month::text, target_progress::text
            FROM team_dashboard WHERE team_name = 'Sales'
            """).decode((Int, Int, String, Int, Int, String, String, String).self)
        #expect(dashboard.count == 1)
        #expect(dashboard.first.map { $0.0 == 1 && $0.1 == 1 && $0.2 == "1000.00" && $0.3 == 1 && $0.4 == 1 && $0.5 == "120.00" } == true)
        #expect(dashboard.first.map { $0.6 == "240.00" && $0.7 == "24.00" } == true)

        let sales = try bi.query("SELECT count(*)::int, sum(price_subtotal)::text FROM sales").decode((Int, String).self)
        #expect(sales.first.map { $0.0 == 2 && $0.1 == "360.00" } == true)

        // Month edges follow the company's time zone: 12:00 UTC on Jan 31 is already February in Kiritimati (UTC+14).
        let admin = try f.database.adminConnection()
        try admin.query("UPDATE crm_lead SET create_date = '2026-01-31 12:00:00+00' WHERE name = 'L4'")
        #expect(try bi.query("SELECT create_month::text FROM opportunity WHERE name = 'L4'")[0].decode(String.self, at: 0) == "2026-01-01")
        try admin.query("UPDATE res_company SET tz = 'Pacific/Kiritimati' WHERE id = \(f.acme)")
        #expect(try bi.query("SELECT create_month::text FROM opportunity WHERE name = 'L4'")[0].decode(String.self, at: 0) == "2026-02-01")
    }

    @Test func aBILoginSeesItsCompanyOnly() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        _ = try await pipeline(f)
        _ = try await f.ok("bea", "mail.activity", "create", [["res_model": "crm.lead", "res_id": try #require(
            try await f.ok("bea", "crm.lead", "search", [[]]).arrayValue?.first)]])
        let login = "bi_isolation_\(f.database.name)"
        try Administration(connection: try f.database.adminConnection()).createBILogin(company: f.acme, login: login, password: "x")
        defer { try? Administration(connection: try f.database.adminConnection()).dropBILogin(login: login) }
        let bi = try PGConnection(conninfo: f.database.conninfo(user: login))
        let views = ["opportunity", "pipeline_by_stage", "forecast_monthly", "won_revenue_monthly", "leads_monthly", "activity", "team_dashboard", "sales"]
        for view in views {
            let companies = try bi.query(PGQuery("SELECT DISTINCT company_id FROM report." + view)).map { try $0.decode(Int.self, at: 0) }
            #expect(companies.allSatisfy { $0 == f.acme } && !companies.isEmpty || view == "activity", "\(view): \(companies)")
        }
        // Setting the service's tenant settings changes nothing for a BI login.
        try bi.query("SELECT set_config('embudo.company_ids', \(String(f.beta)), false), set_config('embudo.user_id', \(String(f.users["bea"]!)), false)")
        let afterSpoof = try bi.query("SELECT DISTINCT company_id FROM report.opportunity").map { try $0.decode(Int.self, at: 0) }
        #expect(afterSpoof == [f.acme])
        // Base tables, the source views' owner role and other companies' groups are out of reach.
        for table in ["crm_lead", "res_partner", "sale_order", "res_users", "res_company_member"] {
            let refused = #expect(throws: PGError.self) { try bi.query(PGQuery("SELECT count(*) FROM public." + table)) }
            #expect(refused?.code == .insufficientPrivilege, "\(table)")
        }
        let betaGroup = try f.database.adminConnection().query("SELECT role_name::text FROM embudo.company_bi_role WHERE company_id = \(f.beta)")[0].decode(String.self, at: 0)
        #expect(throws: PGError.self) { try bi.query(PGQuery("SET ROLE " + betaGroup)) }
        #expect(throws: PGError.self) { try bi.query("SET ROLE embudo_report") }
        // The BI login reads: no writes, even of its views.
        #expect(throws: PGError.self) { try bi.query("DELETE FROM report.opportunity") }
    }

    @Test func aBISessionOpenedBeforeItsCompanyIsDisabledReadsNothingMore() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        _ = try await pipeline(f)
        let login = "bi_disabled_\(f.database.name)"
        let admin = Administration(connection: try f.database.adminConnection())
        try admin.createBILogin(company: f.acme, login: login, password: "x")
        defer { try? Administration(connection: try f.database.adminConnection()).dropBILogin(login: login) }
        let bi = try PGConnection(conninfo: f.database.conninfo(user: login))
        let count: PGQuery = "SELECT count(*)::int FROM report.opportunity"
        #expect(try bi.query(count)[0].decode(Int.self, at: 0) > 0)
        try admin.setCompanyActive(f.acme, false)
        #expect(try bi.query(count)[0].decode(Int.self, at: 0) == 0)
        try admin.setCompanyActive(f.acme, true)
        #expect(try bi.query(count)[0].decode(Int.self, at: 0) > 0)
    }

    @Test func everyReportViewIsSecurityInvokerAndNoneIsMaterialized() async throws {
        let database = try await TestDatabase.make()
        let connection = try database.adminConnection()
        let unsafe = try connection.query("""
            SELECT c.relname::text FROM pg_class c
            WHERE c.relnamespace = 'report'::regnamespace
              AND (c.relkind = 'm' OR (c.relkind = 'v' AND NOT coalesce(c.reloptions @> '{security_invoker=true}', false)))
            """).map { try $0.decode(String.self, at: 0) }
        #expect(unsafe == [])
        let undocumented = try connection.query("""
            SELECT c.relname::text FROM pg_class c WHERE c.relnamespace = 'report'::regnamespace AND obj_description(c.oid, 'pg_class') IS NULL
            """).map { try $0.decode(String.self, at: 0) }
        #expect(undocumented == [])
        let views = try connection.query("SELECT count(*)::int FROM pg_class WHERE relnamespace = 'report'::regnamespace AND relkind = 'v'")[0].decode(Int.self, at: 0)
        #expect(views == 8)
        // The sources are owned by a role that row-level security applies to.
        let owner = try connection.query("""
            SELECT DISTINCT r.rolname::text, r.rolsuper, r.rolbypassrls FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
            WHERE c.relnamespace = 'report_source'::regnamespace
            """).decode((String, Bool, Bool).self)
        #expect(owner.count == 1 && owner[0].0 == "embudo_report" && !owner[0].1 && !owner[0].2)
    }

    @Test func theSameFiguresThroughTheAPI() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let (l1, _, team) = try await pipeline(f)
        let groups = try await f.ok("boss", "crm.opportunity.report", "read_group", [[["type", "=", "opportunity"]], ["expected_revenue", "prorated_revenue"], ["stage_id"]])
        let byStage = Dictionary(uniqueKeysWithValues: (groups.arrayValue ?? []).compactMap { group -> (String, JSONValue)? in
            guard let name = group["stage_id"]?.arrayValue?[1].stringValue else { return nil }
            return (name, group)
        })
        #expect(byStage["New"]?["expected_revenue"] == 1000)
        #expect(byStage["Won"]?["prorated_revenue"] == 2000)
        // "Own documents" sees its own rows in the reports too.
        let olgas = try await f.ok("olga", "crm.opportunity.report", "search_read", [[]], ["fields": ["name"]])
        #expect(olgas.arrayValue?.compactMap { $0["name"]?.stringValue }.sorted() == ["L4"])
        let alexes = try await f.ok("alex", "crm.opportunity.report", "search_read", [[["id", "=", .int(l1)]]], ["fields": ["is_overdue", "is_open"]])
        #expect(alexes.arrayValue?.first?["is_overdue"] == true)
        let card = try #require(try await f.ok("boss", "crm.team", "read", [[.int(team)]], ["fields": [
            "lead_unassigned_count", "opportunities_count", "opportunities_amount", "opportunities_overdue_count", "quotations_count", "invoiced",
        ]]).arrayValue?.first)
        #expect(card["lead_unassigned_count"] == 1)
        #expect(card["opportunities_count"] == 1)
        #expect(card["opportunities_amount"] == 1000)
        #expect(card["opportunities_overdue_count"] == 1)
        #expect(card["quotations_count"] == 1)
        #expect(card["invoiced"] == 240)
        let activities = try await f.ok("boss", "crm.activity.report", "search_count", [[]])
        #expect(activities.intValue != nil)
    }
}
