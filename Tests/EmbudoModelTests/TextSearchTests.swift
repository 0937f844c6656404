import EmbudoDatabase
@testable import EmbudoModel
import EmbudoTestSupport
import Foundation
import PGClient
import Testing

/// `ilike` and `like` run through `embudo.~~*` and `embudo.~~` (sql/bootstrap.sql): ILIKE and LIKE
/// declared leakproof, so that below row-level security a trigram index serves a search. They must
/// answer what ILIKE and LIKE answer, be out of BI logins' reach, and let the planner use the index.
@Suite("Text search below row-level security")
struct TextSearchTests {
    @Test func theOperatorsAnswerAsILIKEAndLIKEDo() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        let connection = try database.adminConnection()
        let texts = ["José Núñez", "JOSÉ", "a_b", "a%b", #"a\b"#, "", "ÅNGSTRÖM straße", "Opportunity 12", "x\ny"]
        let patterns = ["%josé%", "%JOSÉ%", "a_b", #"a\_b"#, "a%", #"a\%b"#, #"%\\%"#, "", "%", "%STRASSE%", "%straße",
                        "ångström%", "%ty 1_", "x_y", "%nú%"]
        let mismatches = try connection.query("""
            SELECT t, p FROM unnest(\(texts)::text[]) t, unnest(\(patterns)::text[]) p
            WHERE embudo.text_ilike(t, p) IS DISTINCT FROM (t ILIKE p)
               OR (t OPERATOR(embudo.~~*) p) IS DISTINCT FROM (t ILIKE p)
               OR (t OPERATOR(embudo.~~) p) IS DISTINCT FROM (t LIKE p)
               OR (lower(t) OPERATOR(embudo.~~) lower(p)) IS DISTINCT FROM (t ILIKE p)
            """).map { try "\($0.decode(String.self, at: 0)) / \($0.decode(String.self, at: 1))" }
        #expect(mismatches.isEmpty, "\(mismatches)")
        // Built by a superuser (the tests migrate as one): leakproof, and an operator class over trigrams.
        let catalog = try connection.query("""
            SELECT (SELECT bool_and(proleakproof) FROM pg_proc WHERE oid IN ('embudo.text_ilike(text, text)'::regprocedure,
                                                                         'embudo.text_like(text, text)'::regprocedure)),
                   (SELECT count(*) FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace
                    WHERE n.nspname = 'embudo' AND c.opcname = 'gin_trgm_ops')::int,
                   (SELECT min(procost) >= 10 FROM pg_proc WHERE proleakproof AND oid IN ('embudo.text_ilike(text, text)'::regprocedure,
                                                                                        'embudo.text_like(text, text)'::regprocedure))
            """)[0].decode((Bool, Int, Bool).self)
        // A cost of 10 operators or more keeps PostgreSQL from testing them before the policies in a filter.
        #expect(catalog == (true, 1, true))
    }

    /// Only the service, which sends the model layer's SQL with the pattern bound and checked, may call
    /// them: a BI login writes its own SQL and could put a row's value on the pattern's side.
    @Test func onlyTheServiceMayCallTheOperators() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        let connection = try database.adminConnection()
        let rights = try connection.query("""
            SELECT r.rolname, has_function_privilege(r.rolname, 'embudo.text_ilike(text, text)', 'EXECUTE'),
                   has_function_privilege(r.rolname, 'embudo.text_like(text, text)', 'EXECUTE'),
                   has_schema_privilege(r.rolname, 'embudo_text', 'USAGE')
            FROM pg_roles r WHERE r.rolname IN ('embudo_service', 'embudo_bi', 'embudo_report') ORDER BY 1
            """).map { try $0.decode((String, Bool, Bool, Bool).self) }
        #expect(rights.map(\.0) == ["embudo_bi", "embudo_report", "embudo_service"])
        #expect(rights.map { [$0.1, $0.2, $0.3] } == [[false, false, false], [false, false, false], [true, true, false]])
        // Nor may anyone else who logs in.
        #expect(try connection.query("""
            SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'embudo' AND p.proleakproof AND has_function_privilege('public', p.oid, 'EXECUTE')
            """)[0].decode(Int.self, at: 0) == 0)
    }

    /// A rare word is found through its company's trigram index, not by reading the company's leads;
    /// a word most leads hold through the list's index, in order, stopping after the page. Both as the
    /// service, with row-level security on, and both answer what ILIKE answers.
    @Test func theSearchUsesTheIndexTheWordCallsFor() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        let admin = Administration(connection: try database.adminConnection())
        let company = try admin.createCompany(named: "Acme")
        let other = try admin.createCompany(named: "Other")
        let user = try admin.ensureUser(login: "ana", password: "ana-secret-1").id
        try admin.grant(user: user, company: company.id, access: .all)
        let connection = try database.adminConnection()
        for id in [company.id, other.id] {
            try connection.query("""
                INSERT INTO res_partner (company_id, name, is_company) SELECT \(id), 'Customer ' || i || ' SA', true
                FROM generate_series(1, 300) i
                """)
            try connection.query("""
                INSERT INTO crm_lead (company_id, name, type, email_from, priority, partner_id)
                SELECT \(id), 'Opportunity ' || i, 'opportunity', 'buyer' || i || '@customer' || i % 50 || '.example.com', (i % 4)::text,
                       (SELECT p.id FROM res_partner p WHERE p.company_id = \(id) AND p.name = 'Customer ' || i % 300 + 1 || ' SA')
                FROM generate_series(1, 3000) i
                """)
        }
        // As autovacuum leaves the tables: statistics, and the trigram indexes' pending lists merged and
        // counted (GIN's own statistics, which its cost estimates read, are updated by VACUUM).
        try connection.execute("VACUUM ANALYZE crm_lead, res_partner")
        let db = Database(conninfo: database.serviceConninfo, poolSize: 1)
        defer { db.shutdown() }
        let context = TenantContext(userID: user, companyIDs: [company.id])

        /// The load test's search (name or e-mail) or the web client's (name, company name, e-mail or customer).
        func search(_ word: String, web: Bool = false) async throws -> (plan: String, names: [String], expected: [String]) {
            let term = JSONValue.string(word)
            let domain: JSONValue = web
                ? ["|", "|", "|", ["name", "ilike", term], ["partner_name", "ilike", term], ["email_from", "ilike", term], ["partner_id", "ilike", term]]
                : ["|", ["name", "ilike", term], ["email_from", "ilike", term]]
            var sql = SQLBuilder()
            sql.append("SELECT r0.name FROM crm_lead r0 WHERE r0.company_id = ")
            sql.bind(company.id)
            sql.append(" AND r0.active AND ")
            try DomainCompiler(registry: ModelRegistry.standard, companies: [company.id])
                .compile(domain, on: CRMLead.model, alias: "r0", companyNamed: true, into: &sql)
            sql.append(" ORDER BY r0.priority DESC, r0.id DESC LIMIT 80")
            var query = sql.query
            #expect(query.plannedPerExecution == DomainCompiler.hasTrigram(word))
            let page = query
            query.sql = "EXPLAIN (FORMAT JSON) " + query.sql
            let explain = query
            let (plan, names) = try await db.transaction(as: context, readOnly: true) { connection in
                (try connection.query(explain)[0].decode(String.self, at: 0),
                 try connection.query(page).map { try $0.decode(String.self, at: 0) })
            }
            let expected = try connection.query("""
                SELECT l.name FROM crm_lead l LEFT JOIN res_partner p ON p.company_id = l.company_id AND p.id = l.partner_id
                WHERE l.company_id = \(company.id) AND l.active
                AND (l.name ILIKE '%' || \(word) || '%' OR l.email_from ILIKE '%' || \(word) || '%'
                     OR (\(web) AND (l.partner_name ILIKE '%' || \(word) || '%' OR p.name ILIKE '%' || \(word) || '%')))
                ORDER BY l.priority DESC, l.id DESC LIMIT 80
                """).map { try $0.decode(String.self, at: 0) }
            // Wherever PostgreSQL tests the leakproof operator (an index's condition, its recheck, a
            // filter), only the company's rows reach it.
            for node in Self.nodes(in: plan) {
                #expect(Self.testsOnlyTheCompany(node, company: company.id), "\(word): \(node)")
            }
            return (plan, names, expected)
        }

        let rare = try await search("opportunity 1234")
        #expect(rare.names == ["Opportunity 1234"])
        #expect(rare.names == rare.expected)
        #expect(rare.plan.contains("crm_lead_name_search") && rare.plan.contains("crm_lead_email_search"), "\(rare.plan)")
        let email = try await search("buyer2999@")
        #expect(email.names == ["Opportunity 2999"] && email.plan.contains("crm_lead_email_search"), "\(email.plan)")
        // The web client's search: every field it names has an index (the customer's through
        // crm_lead_partner), so the indexes are read together rather than the company's leads.
        for word in ["opportunity 1234", "customer 123 sa"] {
            let web = try await search(word, web: true)
            #expect(!web.names.isEmpty && web.names == web.expected, "\(word): \(web.names)")
            #expect(web.plan.contains("BitmapOr") && web.plan.contains("res_partner_name_search")
                    && !web.plan.contains("crm_lead_default_order"), "\(word): \(web.plan)")
        }
        // Words most leads hold: the list's order, stopping after the page; planned for the value or
        // (without a trigram, which no index could use) with plain ILIKE and the generic plan.
        for (word, web) in [("opportunity", false), ("ty", false), ("opportunity", true), ("customer", true)] {
            let common = try await search(word, web: web)
            #expect(common.names.count == 80)
            #expect(common.names == common.expected)
            #expect(common.plan.contains("crm_lead_default_order") && !common.plan.contains("crm_lead_name_search"), "\(word): \(common.plan)")
        }
    }

    /// Whether each term of `condition` (split at its ORs) that tests a text operator tests the company
    /// before it.
    static func testsCompanyFirst(_ condition: String, company: Int) -> Bool {
        condition.components(separatedBy: " OR ").allSatisfy { term in
            guard let text = term.range(of: "OPERATOR(embudo.") else { return true }
            return term[..<text.lowerBound].contains("(company_id = \(company))")
        }
    }

    /// Whether a plan node tests the text operators on the company's rows only: the rows it reads are
    /// the company's (its index condition names it, or its recheck tests it before anything else), or
    /// each condition tests the company before the operator.
    static func testsOnlyTheCompany(_ node: [String: Any], company: Int) -> Bool {
        let indexed = (node["Index Cond"] as? String)?.contains("(company_id = \(company))") ?? false
        let rechecked = (node["Recheck Cond"] as? String).map { testsCompanyFirst($0, company: company) } ?? false
        return ["Index Cond", "Recheck Cond", "Filter"].allSatisfy { key in
            guard let condition = node[key] as? String, condition.contains("OPERATOR(embudo.") else { return true }
            return testsCompanyFirst(condition, company: company) || (key != "Recheck Cond" && (indexed || rechecked))
        }
    }

    /// The nodes of an EXPLAIN (FORMAT JSON) plan.
    static func nodes(in plan: String) -> [[String: Any]] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(plan.utf8)) else { return [] }
        var found: [[String: Any]] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if object["Node Type"] != nil { found.append(object) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(root)
        return found
    }

    /// The operators, which may run before the policies, search one company's records only, with the
    /// company tested first; several companies, or a very long pattern, keep ILIKE (after the policies).
    @Test func theOperatorsSearchOneCompanyOnly() throws {
        func compile(_ domain: JSONValue, companies: [Int]?, named: Bool = true) throws -> PGQuery {
            var sql = SQLBuilder()
            try DomainCompiler(registry: ModelRegistry.standard, companies: companies)
                .compile(domain, on: CRMLead.model, alias: "r0", companyNamed: named, into: &sql)
            return sql.query
        }
        let one = try compile([["name", "ilike", "acme"]], companies: [7])
        #expect(one.sql == "r0.name_lower::text OPERATOR(embudo.~~) lower($1::text)" && one.parameters == ["%acme%"])
        // A field without a lower-cased copy, and a case-sensitive search, match the column itself.
        #expect(try compile([["city", "ilike", "acme"]], companies: [7]).sql == "r0.city::text OPERATOR(embudo.~~*) $1")
        #expect(try compile([["name", "like", "Acme"]], companies: [7]).sql == "r0.name::text OPERATOR(embudo.~~) $1")
        #expect(try compile([["name", "ilike", "ac"]], companies: [7]).sql == "r0.name_lower::text LIKE lower($1::text)")
        #expect(try compile([["name", "not ilike", "acme"]], companies: [7]).sql
                == "(r0.name_lower::text NOT LIKE lower($1::text) OR r0.name IS NULL)")
        #expect(one.plannedPerExecution)
        // A customer's name: the subquery on customers names the company too, as an equality.
        let customer = try compile(["|", ["name", "ilike", "acme"], ["partner_id", "ilike", "acme"]], companies: [7])
        #expect(customer.sql.contains("WHERE d1.company_id = $2::int AND d1.name_lower::text OPERATOR(embudo.~~) lower($3::text)"), "\(customer.sql)")
        #expect(customer.sql.contains("r0.partner_id = ANY (ARRAY(SELECT d1.id FROM res_partner d1"), "\(customer.sql)")
        // Outside an OR the customer's condition stays a subquery PostgreSQL joins.
        #expect(try compile([["partner_id", "ilike", "acme"]], companies: [7]).sql.hasPrefix("r0.partner_id IN (SELECT d1.id"))
        for (domain, companies) in [([["name", "ilike", "acme"]], [7, 8]), ([["name", "ilike", "acme"]], nil),
                                    ([["name", "ilike", .string(String(repeating: "a", count: 300))]], [7]),
                                    ([["name", "not ilike", "acme"]], [7])] as [(JSONValue, [Int]?)] {
            let query = try compile(domain, companies: companies)
            #expect(!query.sql.contains("OPERATOR") && !query.plannedPerExecution, "\(query.sql)")
        }
        // Where the statement does not name the company, or a subquery cannot (users belong to no
        // company), the operators are not used.
        for query in [try compile([["name", "ilike", "acme"]], companies: [7], named: false),
                      try compile([["user_id.name", "ilike", "acme"]], companies: [7])] {
            #expect(!query.sql.contains("OPERATOR") && !query.plannedPerExecution, "\(query.sql)")
        }
        // A backslash that ends the pattern is refused even where it ends a longer Swift Character.
        #expect(throws: ModelError.self) { try compile([["name", "=ilike", "zzz\u{0600}\\"]], companies: [7]) }
    }

    /// Every lower-cased copy a model searches exists, and PostgreSQL keeps it as `lower(column)`.
    @Test func theLowerCasedCopiesAreTheColumnsLowerCased() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        let connection = try database.adminConnection()
        var copies: [[String]] = []
        for model in ModelRegistry.standard.models.values {
            for field in model.fields.values {
                if let folded = field.foldedColumn {
                    copies.append([model.table, folded, field.column!])
                    // A translated name is read from another column, which its copy does not follow.
                    #expect(field.spanishColumn == nil, "\(model.name).\(field.name)")
                }
            }
        }
        #expect(copies.count == 10)
        for copy in copies {
            let found = try connection.query("""
                SELECT a.attgenerated::text, pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a
                JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = \(copy[0])::regclass AND a.attname = \(copy[1])
                """).map { try $0.decode((String, String).self) }
            #expect(found.count == 1 && found[0] == ("s", "lower(\(copy[2]))"), "\(copy): \(found)")
        }
    }

    @Test func aTrigramIsThreeLettersOrDigitsInARow() {
        for pattern in ["%abc%", "%ab1%", "%José%", #"%a\%bcd%"#, "=1234", #"\%\_abc"#] {
            #expect(DomainCompiler.hasTrigram(pattern), "\(pattern)")
        }
        for pattern in ["%ab%", "%a_c%", "%a b c%", "%ab%cd%", #"%a\%b%"#, "%.-@%", ""] {
            #expect(!DomainCompiler.hasTrigram(pattern), "\(pattern)")
        }
    }
}
