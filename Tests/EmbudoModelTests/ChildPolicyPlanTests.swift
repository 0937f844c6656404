import EmbudoDatabase
@testable import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// Rows that follow a document (activities, messages, followers, attachments) or a parent (tags, order
/// lines) are visible when their document is: their policies probe it (`embudo.visible_row`). Written
/// as EXISTS, the probe became, in generic plans, a hashed subplan that read every lead the request may
/// see: marking one activity done read the company's leads.
@Suite("Policies of rows that follow a document")
struct ChildPolicyPlanTests {
    @Test func readingOneActivityProbesItsLeadInsteadOfReadingEveryLead() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        let admin = Administration(connection: try database.adminConnection())
        let company = try admin.createCompany(named: "Acme")
        let user = try admin.ensureUser(login: "ana", password: "ana-secret-1").id
        try admin.grant(user: user, company: company.id, access: .all)
        let connection = try database.adminConnection()
        try connection.query("""
            INSERT INTO crm_lead (company_id, name, type, user_id) SELECT \(company.id), 'Opportunity ' || i, 'opportunity', \(user)
            FROM generate_series(1, 3000) i
            """)
        let activity = try connection.query("""
            INSERT INTO mail_activity (company_id, res_model, res_id, activity_type_id, user_id, date_deadline, summary)
            SELECT l.company_id, 'crm.lead', l.id, (SELECT t.id FROM mail_activity_type t WHERE t.company_id = l.company_id ORDER BY t.id LIMIT 1),
                   \(user), current_date, 'Call back'
            FROM crm_lead l WHERE l.company_id = \(company.id) ORDER BY l.id DESC LIMIT 1
            RETURNING id
            """)[0].decode(Int.self, at: 0)
        try connection.execute("VACUUM ANALYZE crm_lead, sale_order, mail_activity")
        let db = Database(conninfo: database.serviceConninfo, poolSize: 1)
        defer { db.shutdown() }
        let context = TenantContext(userID: user, companyIDs: [company.id])
        // The generic plan, as PL/pgSQL functions (activity_done) and the model layer's prepared
        // statements use after their first executions.
        let (plan, found) = try await db.transaction(as: context) { connection in
            try connection.execute("SET LOCAL plan_cache_mode = force_generic_plan")
            try connection.execute("PREPARE one_activity(int[]) AS SELECT a.id FROM mail_activity a WHERE a.id = ANY ($1)")
            // The id is written into the statement: EXECUTE takes no bound parameters.
            let execute = "EXECUTE one_activity('{\(activity)}')"
            let plan = try connection.query(PGQuery("EXPLAIN (COSTS OFF) " + execute)).map { try $0.decode(String.self, at: 0) }
            let found = try connection.query(PGQuery(execute)).map { try $0.decode(Int.self, at: 0) }
            try connection.execute("DEALLOCATE one_activity")
            return (plan.joined(separator: "\n"), found)
        }
        #expect(found == [activity])
        #expect(!plan.contains("hashed SubPlan"), "\(plan)")
        #expect(!plan.contains("Seq Scan on crm_lead"), "\(plan)")
        #expect(plan.contains("Index Scan using crm_lead_pkey on crm_lead"), "\(plan)")
    }
}
