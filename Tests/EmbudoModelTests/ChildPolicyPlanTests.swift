import EmbudoDatabase
@testable import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// Rows that follow a document are visible when their document is. Activities, tags, order lines and
/// a document's history carry a copy of its salesperson and their policies read it (before, they
/// probed the document: written as EXISTS, the probe became, in generic plans, a hashed subplan that
/// read every lead the request may see, and marking one activity done read the company's leads).
@Suite("Policies of rows that follow a document")
struct ChildPolicyPlanTests {
    /// Reading one activity (and one message of the same lead) with a generic plan, as PL/pgSQL functions
    /// (activity_done) and the model layer's prepared statements do after their first executions: neither
    /// reads any lead.
    @Test func readingOneActivityOrMessageNeverReadsEveryLead() async throws {
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
        let message = try connection.query("""
            INSERT INTO mail_message (company_id, model, res_id, body, message_type)
            SELECT a.company_id, 'crm.lead', a.res_id, 'Called', 'comment' FROM mail_activity a WHERE a.id = \(activity)
            RETURNING id
            """)[0].decode(Int.self, at: 0)
        try connection.execute("VACUUM ANALYZE crm_lead, sale_order, mail_activity, mail_message")
        let db = Database(conninfo: database.serviceConninfo, poolSize: 1)
        defer { db.shutdown() }
        let context = TenantContext(userID: user, companyIDs: [company.id])
        func readOne(_ table: String, _ id: Int) async throws -> (plan: String, found: [Int]) {
            try await db.transaction(as: context) { connection in
                try connection.execute("SET LOCAL plan_cache_mode = force_generic_plan")
                try connection.execute("PREPARE one_row(int[]) AS SELECT r.id FROM \(table) r WHERE r.id = ANY ($1)")
                // The id is written into the statement: EXECUTE takes no bound parameters.
                let execute = "EXECUTE one_row('{\(id)}')"
                let plan = try connection.query(PGQuery("EXPLAIN (COSTS OFF) " + execute)).map { try $0.decode(String.self, at: 0) }
                let found = try connection.query(PGQuery(execute)).map { try $0.decode(Int.self, at: 0) }
                try connection.execute("DEALLOCATE one_row")
                return (plan.joined(separator: "\n"), found)
            }
        }
        let one = try await readOne("mail_activity", activity)
        #expect(one.found == [activity])
        #expect(!one.plan.contains("crm_lead") && !one.plan.contains("SubPlan"), "\(one.plan)")
        let note = try await readOne("mail_message", message)
        #expect(note.found == [message])
        #expect(!note.plan.contains("crm_lead") && !note.plan.contains("SubPlan"), "\(note.plan)")
    }
}
