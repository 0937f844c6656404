import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// A company's currency changes through `embudo.set_company_currency` alone (sql/modules/base/companies.sql):
/// for its administrators, while it has no order, with its pricelists; never by a plain UPDATE.
@Suite("A company's currency")
struct CompanyCurrencyTests {
    @Test func onlyItsAdministratorsChangeItAndThePricelistsFollow() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let admin = try fixture.database.adminConnection()
        let acme = fixture.acme.id
        func currency(_ name: String) throws -> Int {
            try admin.query("SELECT id FROM res_currency WHERE name = \(name)")[0].decode(Int.self, at: 0)
        }
        let usd = try currency("USD"), zar = try currency("ZAR"), mxn = try currency("MXN")
        try admin.execute("UPDATE res_currency SET active = false WHERE name IN ('ZAR', 'MXN')")
        func state() throws -> (company: Int, pricelists: [Int], activeZAR: Bool, activeMXN: Bool) {
            let company = try admin.query("SELECT currency_id FROM res_company WHERE id = \(acme)")[0].decode(Int.self, at: 0)
            let pricelists = try admin.query("SELECT DISTINCT currency_id FROM product_pricelist WHERE company_id = \(acme) ORDER BY 1")
                .map { try $0.decode(Int.self, at: 0) }
            let active = try admin.query("SELECT bool_or(active) FILTER (WHERE name = 'ZAR'), bool_or(active) FILTER (WHERE name = 'MXN') FROM res_currency")[0]
                .decode((Bool, Bool).self)
            return (company, pricelists, active.0, active.1)
        }
        #expect(try state().company == usd && state().pricelists == [usd])

        // The service may not write the column, whoever acts.
        #expect(try admin.query("SELECT has_column_privilege('embudo_service', 'res_company', 'currency_id', 'UPDATE')")[0].decode(Bool.self, at: 0) == false)
        let adam = TenantContext(userID: fixture.adam, companyIDs: [acme])
        let direct = await #expect(throws: PGError.self) {
            try await db.transaction(as: adam) { try $0.query("UPDATE res_company SET currency_id = \(zar) WHERE id = \(acme)").affectedRows }
        }
        #expect(direct?.code == .insufficientPrivilege)

        // A member who is not an administrator, and no company at all, are refused; nothing changes.
        let alice = TenantContext(userID: fixture.alice, companyIDs: [acme])
        let refused = await #expect(throws: PGError.self) {
            try await db.transaction(as: alice) { try $0.query("SELECT embudo.set_company_currency(\(acme), \(zar))").affectedRows }
        }
        #expect(refused?.sqlState == "EMA01")
        let nameless = await #expect(throws: PGError.self) {
            try await db.transaction(as: adam) { try $0.query("SELECT embudo.change_company_currency(NULL, \(zar))").affectedRows }
        }
        #expect(nameless?.sqlState == "EMV01")
        #expect(try state().company == usd && state().activeZAR == false)

        // The administrator: the company, its pricelists and the currency's activation follow.
        _ = try await db.transaction(as: adam) { try $0.query("SELECT embudo.set_company_currency(\(acme), \(mxn))").affectedRows }
        let changed = try state()
        #expect(changed.company == mxn && changed.pricelists == [mxn] && changed.activeMXN && !changed.activeZAR)

        // Not once the company has an order.
        try admin.execute("INSERT INTO sale_order (company_id, partner_id) VALUES (\(acme), \(fixture.acmePartner))")
        let ordered = await #expect(throws: PGError.self) {
            try await db.transaction(as: adam) { try $0.query("SELECT embudo.set_company_currency(\(acme), \(usd))").affectedRows }
        }
        #expect(ordered?.sqlState == "EMU01")
        #expect(try state().company == mxn)
    }
}
