import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// What a distributed PostgreSQL (Citus, issue 24) needs of the schema and can be checked on one
/// PostgreSQL. (The policies' form is TenancyTests' `inlinedPoliciesHoldNoSubquery`; on the cluster
/// itself, CitusPlacementTests.)
@Suite("Ready to be distributed")
struct DistributionReadinessTests {
    /// On Citus a trigger on a shard, and a query routed to one, hand a function the shard's row type
    /// (`crm_lead_102008`), which a parameter of type `crm_lead` does not accept: no function of Embudo's
    /// takes or returns a table's row type (they take `anyelement`, or columns).
    @Test func noFunctionTakesOrReturnsATablesRowType() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        let connection = try database.adminConnection()
        func rowTypeFunctions() throws -> [String] {
            try connection.query("""
                SELECT p.oid::regprocedure::text FROM pg_proc p
                WHERE p.pronamespace = 'embudo'::regnamespace
                  AND EXISTS (SELECT FROM unnest(p.proargtypes::oid[] || p.prorettype) t (oid)
                              JOIN pg_type y ON y.oid = t.oid JOIN pg_class c ON c.oid = y.typrelid
                              WHERE c.relkind IN ('r', 'p', 'v', 'm') AND c.relnamespace = 'public'::regnamespace)
                ORDER BY 1
                """).map { try $0.decode(String.self, at: 0) }
        }
        #expect(try rowTypeFunctions() == [])
        // The check sees one: a function over a lead's row.
        try connection.execute("CREATE FUNCTION embudo.probe_row_type(lead public.crm_lead) RETURNS int LANGUAGE sql AS 'SELECT 1'")
        #expect(try rowTypeFunctions() == ["embudo.probe_row_type(crm_lead)"])
    }

    /// Citus distributes a table only when each of its unique keys holds the distribution column: every
    /// unique index of a tenant table holds its company column (migration 0033).
    @Test func everyUniqueKeyOfATenantTableHoldsItsCompany() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        let connection = try database.adminConnection()
        func keys() throws -> [String] {
            try connection.query("""
                SELECT c.relname::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                JOIN embudo.tenant_table t ON t.name = embudo.qualified_name(i.indrelid)
                WHERE i.indisunique AND i.indrelid <> 'public.res_company'::regclass
                  AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                                                              AND a.attname = t.company_column)
                ORDER BY 1
                """).map { try $0.decode(String.self, at: 0) }
        }
        #expect(try keys() == [])
        try TestCluster.catalogOnly(connection)
        try connection.execute("CREATE UNIQUE INDEX probe_lead_name ON crm_lead (name)")
        #expect(try keys() == ["probe_lead_name"])
    }

    /// A link's token names its company, and is looked up there (on Citus, on the node holding it);
    /// another company's number in front opens nothing; a token issued before migration 0033, without a
    /// company, still opens its page.
    @Test func aLinksTokenIsResolvedInItsCompany() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let acme = fixture.acme.id
        let adam = TenantContext(userID: fixture.adam, companyIDs: [acme])
        let (order, token) = try await db.transaction(as: adam) { connection in
            let order = try connection.query("""
                INSERT INTO sale_order (company_id, partner_id) VALUES (\(acme), \(fixture.acmePartner)) RETURNING id
                """)[0].decode(Int.self, at: 0)
            return (order, try connection.query("SELECT embudo.portal_issue_token(\(order))")[0].decode(String.self, at: 0))
        }
        #expect(token.hasPrefix("\(acme)-") && token.count == "\(acme)-".count + 48, "\(token)")
        let admin = try fixture.database.adminConnection()
        func opens(_ token: String) throws -> [Int] {
            try admin.query("SELECT order_id FROM embudo.portal_resolve(\(token))").map { try $0.decode(Int.self, at: 0) }
        }
        #expect(try opens(token) == [order])
        let elsewhere = "\(fixture.bolt.id)-" + token.dropFirst("\(acme)-".count)
        #expect(try opens(elsewhere) == [])
        #expect(try opens("0" + token) == [])
        let legacy = String(repeating: "ab", count: 24)
        _ = try admin.query("""
            INSERT INTO sale_order_portal_token (company_id, order_id, token_hash, acting_user, expires_at)
            VALUES (\(acme), \(order), sha256(convert_to(\(legacy), 'UTF8')), \(fixture.adam), now() + interval '1 day')
            """)
        #expect(try opens(legacy) == [order])
        #expect(try admin.query("SELECT embudo.token_company(\(token)), embudo.token_company(\(legacy)), embudo.token_company('99999999999-ab')")
            .map { try $0.decode((Int?, Int?, Int?).self) }.first.map { [$0.0, $0.1, $0.2] } == [acme, nil, nil])
    }
}
