import EmbudoDatabase
import Testing

@Suite("Finding the database")
struct DatabaseLocationTests {
    @Test func flagThenURLThenLibpqVariablesThenEmbedded() {
        let url = "postgres://u@h/db"
        #expect(DatabaseLocation.resolve(databaseURL: "host=x", environment: ["DATABASE_URL": url, "PGHOST": "y"]) == .conninfo("host=x"))
        #expect(DatabaseLocation.resolve(databaseURL: nil, environment: ["DATABASE_URL": url, "PGHOST": "y"]) == .conninfo(url))
        #expect(DatabaseLocation.resolve(databaseURL: nil, environment: ["PGDATABASE": "crm"]) == .environment)
        #expect(DatabaseLocation.resolve(databaseURL: "", environment: ["DATABASE_URL": ""]) != .environment)
        #expect(DatabaseLocation.resolve(databaseURL: nil, environment: ["EMBUDO_HOME": "/srv/embudo"]) == .embedded(directory: "/srv/embudo"))
        #expect(DatabaseLocation.resolve(databaseURL: nil, embeddedDirectory: "/x", environment: ["EMBUDO_HOME": "/srv/embudo"]) == .embedded(directory: "/x"))
    }
}
