import EmbudoDatabase
import EmbudoModel
import EmbudoRPC
import EmbudoTestSupport
import Logging
import PGClient
import Testing

/// Spanish first: a company's language, chosen at creation, names everything Embudo creates for it and
/// chooses its currency.
@Suite("Company language")
struct CompanyLanguageTests {
    @Test func aMexicanCompanyGetsItsDefaultRecordsInSpanishAndPesos() async throws {
        let database = try await TestDatabase.make()
        let admin = Administration(connection: try database.adminConnection())
        let mexican = try admin.createCompany(named: "Muebles del Norte", lang: "es_MX").id
        let english = try admin.createCompany(named: "Acme").id
        let uid = try admin.ensureUser(login: "lupita", password: "lupita-secret-1").id
        try admin.grant(user: uid, company: mexican, access: .admin)
        try admin.grant(user: uid, company: english, access: .admin)
        let db = Database(conninfo: database.serviceConninfo, poolSize: 2)
        defer { db.shutdown() }
        let dispatcher = RPCDispatcher(
            databaseName: database.name, authenticator: Authenticator(database: db), models: ModelService(database: db),
            logger: Logger(label: "test")
        )
        func names(_ model: String, in company: Int, _ domain: JSONValue = []) async throws -> [String] {
            let answer = try await call(dispatcher, [
                "service": "object", "method": "execute_kw",
                "args": [.string(database.name), .int(uid), "lupita-secret-1", .string(model), "search_read", [domain],
                         ["fields": ["name"], "context": ["allowed_company_ids": [.int(company)], "active_test": false]]],
            ])
            return try #require(answer["result"]?.arrayValue).compactMap { $0["name"]?.stringValue }
        }
        #expect(try await names("crm.stage", in: mexican) == ["Nuevo", "Calificado", "Propuesta", "Ganado"])
        #expect(try await names("crm.team", in: mexican) == ["Ventas"])
        #expect(try await names("crm.lost.reason", in: mexican).sorted()
            == ["Demasiado caro", "No hay suficiente inventario", "No tenemos el personal o las habilidades"])
        #expect(try await names("mail.activity.type", in: mexican)
            == ["Correo electrónico", "Llamada", "Reunión", "Venta adicional", "Por hacer", "Subir documento", "Excepción"])
        #expect(try await names("account.payment.term", in: mexican) == ["Pago inmediato", "15 días", "30 días", "Fin del mes siguiente"])
        #expect(try await names("product.pricelist", in: mexican) == ["Lista de precios pública"])
        #expect(try await names("res.company", in: mexican, [["id", "=", .int(mexican)]]) == ["Muebles del Norte"])
        let company = try await call(dispatcher, [
            "service": "object", "method": "execute_kw",
            "args": [.string(database.name), .int(uid), "lupita-secret-1", "res.company", "read", [[.int(mexican), .int(english)]],
                     ["fields": ["lang", "currency_id"], "context": ["allowed_company_ids": [.int(mexican), .int(english)]]]],
        ])
        let rows = try #require(company["result"]?.arrayValue)
        #expect(rows.map { $0["lang"] } == ["es_MX", "en_US"])
        #expect(rows.map { $0["currency_id"]?.arrayValue?.last } == ["MXN", "USD"])
        // The English company keeps Odoo's names.
        #expect(try await names("crm.stage", in: english) == ["New", "Qualified", "Proposition", "Won"])
        // An unknown language is refused, and creates nothing.
        #expect(throws: PGError.self) { try admin.createCompany(named: "Nowhere", lang: "xx_XX") }
        #expect(try admin.company(named: "Nowhere") == nil)
    }

    @Test func demoDataInMexicanSpanish() async throws {
        let database = try await TestDatabase.make()
        let admin = Administration(connection: try database.adminConnection())
        try admin.generateDemo(companies: 1, leadsPerCompany: 40, lang: "es_MX") { _ in }
        let connection = try database.adminConnection()
        let rows = try connection.query("""
            SELECT c.lang, cur.name, (SELECT min(l.name) FROM crm_lead l WHERE l.company_id = c.id),
                   (SELECT count(*)::int FROM res_partner p JOIN res_country k ON k.id = p.country_id WHERE p.company_id = c.id AND k.code <> 'MX'),
                   (SELECT string_agg(s.name, ',' ORDER BY s.sequence) FROM crm_stage s WHERE s.company_id = c.id)
            FROM res_company c JOIN res_currency cur ON cur.id = c.currency_id WHERE c.name LIKE 'Demo %'
            """).map { try $0.decode((String, String, String, Int, String).self) }
        #expect(rows.count == 1)
        let (lang, currency, lead, foreign, stages) = try #require(rows.first)
        #expect(lang == "es_MX" && currency == "MXN")
        #expect(lead.hasPrefix("Oportunidad "))
        #expect(foreign == 0)
        #expect(stages == "Nuevo,Calificado,Propuesta,Ganado")
    }
}
