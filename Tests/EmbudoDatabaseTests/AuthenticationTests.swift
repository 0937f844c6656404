import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

@Suite("Logging in")
struct AuthenticationTests {
    @Test func passwordsAreCheckedByPostgreSQL() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let authenticator = Authenticator(database: db)
        let carol = try #require(try await authenticator.authenticate(login: "CAROL", password: "carol-secret"))
        #expect(carol.id == fixture.carol)
        #expect(carol.memberships == [Membership(companyID: fixture.acme.id, access: .own), Membership(companyID: fixture.bolt.id, access: .all)])
        #expect(carol.context(companies: [fixture.bolt.id, 999]).companyIDs == [fixture.bolt.id])
        #expect(try await authenticator.authenticate(login: "carol", password: "wrong") == nil)
        #expect(try await authenticator.authenticate(login: "nobody", password: "carol-secret") == nil)
    }

    @Test func theServiceCannotReadPasswordHashes() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let error = await #expect(throws: PGError.self) {
            try await db.withoutTenant { try $0.query("SELECT password_hash FROM res_users").count }
        }
        #expect(error?.code == .insufficientPrivilege)
    }
}
