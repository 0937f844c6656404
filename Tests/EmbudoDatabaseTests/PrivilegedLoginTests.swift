import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// The service path runs only as embudo_service on a login that is neither superuser nor BYPASSRLS: the
/// pool refuses to start with a privileged login rather than SET ROLE away from it (behind a
/// transaction-mode pooler that session would serve other requests), and `embudo.enter_tenant` refuses
/// such sessions too (SQLSTATE EMR01).
@Suite("Privileged logins and the service")
struct PrivilegedLoginTests {
    /// A login of this test's own, `role` names its default role; dropped at the end.
    static func login(_ database: TestDatabase, _ name: String, _ attributes: String, role: String? = nil, groups: String = "embudo_service") throws -> String {
        let login = "\(name)_\(database.name)"
        let admin = try database.adminConnection()
        try admin.execute("CREATE ROLE \(login) LOGIN \(attributes) IN ROLE \(groups)")
        try admin.execute("GRANT CONNECT ON DATABASE \(database.name) TO \(login)")
        if let role { try admin.execute("ALTER ROLE \(login) SET role = \(role)") }
        return login
    }

    static func drop(_ database: TestDatabase, _ login: String) {
        guard let admin = try? database.adminConnection() else { return }
        _ = try? admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = \(login)")
        _ = try? admin.execute("DROP OWNED BY \(login); DROP ROLE \(login)")
    }

    @Test func aPoolWithASuperuserLoginRefusesToStart() async throws {
        let database = try await TestDatabase.make()
        let db = Database(conninfo: database.adminConninfo, poolSize: 1)
        defer { db.shutdown() }
        let error = await #expect(throws: PGError.self) { try await db.checkConnection() }
        #expect(error?.serverMessage.contains("is a superuser") == true)
        #expect(error?.serverMessage.contains("--service-database-url") == true)
    }

    /// Logins that start as embudo_service (their `role` setting) but are privileged themselves.
    @Test func aPoolWithAPrivilegedLoginRefusesToStartWhateverItsRole() async throws {
        let database = try await TestDatabase.make()
        for (name, attributes, groups, reason) in [("bypass", "BYPASSRLS", "embudo_service", "BYPASSRLS"),
                                                   ("owner", "", "embudo_service, embudo_owner", "embudo_owner")] {
            let login = try Self.login(database, name, attributes, role: "embudo_service", groups: groups)
            defer { Self.drop(database, login) }
            let db = Database(conninfo: database.conninfo(user: login), poolSize: 1)
            defer { db.shutdown() }
            let error = await #expect(throws: PGError.self) { try await db.checkConnection() }
            #expect(error?.serverMessage.contains(reason) == true, "\(name)")
        }
        // An unprivileged login whose default role is embudo_service serves.
        let plain = try Self.login(database, "plain", "", role: "embudo_service")
        defer { Self.drop(database, plain) }
        let db = Database(conninfo: database.conninfo(user: plain), poolSize: 1)
        defer { db.shutdown() }
        try await db.checkConnection()
        #expect(try await db.withoutTenant { try $0.query("SELECT current_user::text")[0].decode(String.self, at: 0) } == "embudo_service")
    }

    /// The tenant context itself refuses sessions that merely switched to embudo_service: a superuser's,
    /// a BYPASSRLS login's, and any other role's.
    @Test func theTenantContextIsForTheServicesOwnLoginOnly() async throws {
        let database = try await TestDatabase.make()
        let enter = "SELECT embudo.enter_tenant(NULL::int, '{}'::int[], 0, NULL::text, NULL::text)"
        // The superuser, switched to the service's role.
        let superuser = try database.adminConnection()
        try superuser.execute("SET ROLE embudo_service")
        let refused = #expect(throws: PGError.self) { try superuser.query(PGQuery(stringLiteral: enter)) }
        #expect(refused?.embudoState == .privilegedServiceSession)
        try superuser.execute("RESET ROLE")
        #expect(throws: PGError.self) { try superuser.query(PGQuery(stringLiteral: enter)) }
        // A BYPASSRLS login granted embudo_service, switched to it.
        let bypass = try Self.login(database, "bypass", "BYPASSRLS")
        defer { Self.drop(database, bypass) }
        let session = try PGConnection(conninfo: database.conninfo(user: bypass))
        try session.execute("SET ROLE embudo_service")
        let error = #expect(throws: PGError.self) { try session.query(PGQuery(stringLiteral: enter)) }
        #expect(error?.embudoState == .privilegedServiceSession)
        // The service's own login enters.
        let service = try PGConnection(conninfo: database.serviceConninfo)
        #expect(try service.query(PGQuery(stringLiteral: enter))[0].decode(Bool.self, at: 0))
    }
}
