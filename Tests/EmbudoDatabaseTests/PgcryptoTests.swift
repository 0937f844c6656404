import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// pgcrypto is out of reach of BI logins and of the service: one `crypt('x', gen_salt('bf', 31))` burns
/// hours of CPU. Its functions live in a schema only embudo_owner may use; logins still work.
@Suite("pgcrypto")
struct PgcryptoTests {
    @Test func neitherABILoginNorTheServiceCanExecuteAnyPgcryptoFunction() async throws {
        let database = try await TestDatabase.make()
        let admin = Administration(connection: try database.adminConnection())
        let company = try admin.createCompany(named: "Acme")
        let login = "bi_crypto_\(database.name)"
        try admin.createBILogin(company: company.id, login: login, password: "x")
        defer { try? Administration(connection: try database.adminConnection()).dropBILogin(login: login) }

        // Every function of the extension, wherever it is installed.
        let functions = try database.adminConnection().query("""
            SELECT p.oid::regprocedure::text, n.nspname::text FROM pg_depend d
            JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pgcrypto'
            JOIN pg_proc p ON p.oid = d.objid AND d.classid = 'pg_proc'::regclass
            JOIN pg_namespace n ON n.oid = p.pronamespace
            """).decode((String, String).self)
        #expect(functions.count > 30)
        let schema = try #require(functions.first?.1)
        for role in [login, "embudo_service"] {
            let reachable = try database.adminConnection().query("""
                SELECT p.oid::regprocedure::text FROM pg_depend d
                JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pgcrypto'
                JOIN pg_proc p ON p.oid = d.objid AND d.classid = 'pg_proc'::regclass
                WHERE has_schema_privilege(\(role), p.pronamespace, 'USAGE') AND has_function_privilege(\(role), p.oid, 'EXECUTE')
                """).decode(String.self)
            #expect(reachable.isEmpty, "\(role) may execute \(reachable)")
        }
        // The attack itself, as the BI login and as the service: refused before anything runs.
        for user in [login, "embudo_service"] {
            let connection = try PGConnection(conninfo: database.conninfo(user: user))
            let call = "SELECT \(schema).crypt('x', \(schema).gen_salt('bf', 4))"
            let error = #expect(throws: PGError.self, "\(user)") { try connection.query(PGQuery(stringLiteral: call)) }
            #expect(error?.code == .insufficientPrivilege, "\(user)")
        }
        // The owner's functions still use it: passwords and API keys work.
        let user = try admin.ensureUser(login: "ana", password: "ana-secret-1").id
        try admin.grant(user: user, company: company.id, access: .own)
        let key = try admin.createAPIKey(user: user, name: "k")
        let db = Database(conninfo: database.serviceConninfo, poolSize: 1)
        defer { db.shutdown() }
        let authenticator = Authenticator(database: db)
        #expect(try await authenticator.authenticate(login: "ana", password: "ana-secret-1")?.id == user)
        #expect(try await authenticator.authenticate(login: "ana", password: "wrong") == nil)
        #expect(try await authenticator.authenticate(apiKey: key)?.id == user)
    }
}
