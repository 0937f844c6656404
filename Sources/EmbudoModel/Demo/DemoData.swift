import PGClient

extension Administration {
    /// Creates `companies` demo companies ("Demo 1"…) each with two years of pipeline: salespeople,
    /// customers, `leads` leads and opportunities (won, lost, open), activities and quotations. Writes in
    /// bulk with triggers off, so it needs a superuser login. `lang` names the companies' records and data
    /// (`es_MX`: Spanish names, Mexican customers, pesos). `progress` is called after each company.
    public func generateDemo(companies: Int, leadsPerCompany leads: Int, lang: String = "en_US", progress: (Int) -> Void) throws {
        let start = try connection.query(SQL.demoCompanyCount)[0].decode(Int.self, at: 0)
        for index in 1...companies {
            try connection.transaction { connection in
                let company = try connection.query(SQL.createCompany("Demo \(start + index)", lang: lang))[0].decode(Int.self, at: 0)
                try connection.query(SQL.replicaMode)
                try connection.query(SQL.demoFill(company: company, leads: leads))
            }
            progress(index)
        }
    }
}

extension Administration.SQL {
    static let demoCompanyCount: PGQuery = "SELECT count(*)::int FROM res_company WHERE name LIKE 'Demo %'"
    static let replicaMode: PGQuery = "SET LOCAL session_replication_role = replica"
    static func demoFill(company: Int, leads: Int) -> PGQuery { "SELECT embudo.demo_fill(\(company), \(leads))" }
}
