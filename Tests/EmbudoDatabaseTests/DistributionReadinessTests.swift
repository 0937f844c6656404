import EmbudoTestSupport
import PGClient
import Testing

/// What a distributed PostgreSQL (Citus, issue 24) needs of the schema and can be checked on one
/// PostgreSQL. (The policies' form is TenancyTests' `inlinedPoliciesHoldNoSubqueryButOnTheTablesLeft`.)
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
}
