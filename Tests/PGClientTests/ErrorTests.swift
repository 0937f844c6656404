import EmbudoTestSupport
import PGClient
import Testing

@Suite("PostgreSQL errors map to typed codes")
struct ErrorTests {
    let database: TestDatabase
    let connection: PGConnection

    init() async throws {
        database = try await TestDatabase.make(migrated: false)
        connection = try PGConnection(conninfo: database.adminConninfo)
        try connection.execute("""
            CREATE TABLE parent (id int PRIMARY KEY);
            CREATE TABLE child (
                id int PRIMARY KEY,
                parent_id int REFERENCES parent (id),
                amount int NOT NULL CHECK (amount >= 0)
            );
            INSERT INTO parent VALUES (1);
            """)
    }

    private func code(_ query: PGQuery) -> PGError? {
        #expect(throws: PGError.self) { try connection.query(query) }
    }

    @Test func uniqueViolation() throws {
        let error = code("INSERT INTO parent VALUES (\(1))")
        #expect(error?.code == .uniqueViolation)
        #expect(error?.sqlState == "23505")
        #expect(error?.constraint == "parent_pkey")
        #expect(error?.table == "parent")
    }

    @Test func foreignKeyViolation() {
        #expect(code("INSERT INTO child VALUES (1, \(99), 1)")?.code == .foreignKeyViolation)
    }

    @Test func checkViolation() {
        #expect(code("INSERT INTO child VALUES (1, 1, \(-5))")?.code == .checkViolation)
    }

    @Test func notNullViolation() {
        #expect(code("INSERT INTO child VALUES (1, 1, \(Int?.none))")?.code == .notNullViolation)
    }

    @Test func syntaxAndUndefined() {
        #expect(code("SELEC 1")?.code == .syntaxError)
        #expect(code("SELECT * FROM missing_table")?.code == .undefinedObject)
        #expect(code("SELECT \("x")::int")?.code == .invalidInput)
    }

    @Test func serializationFailureAndDeadlockAreRetryable() {
        let serialization = code("DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'serialization_failure'; END $$")
        #expect(serialization?.code == .serializationFailure)
        #expect(serialization?.code.isRetryable == true)
        let deadlock = code("DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'deadlock_detected'; END $$")
        #expect(deadlock?.code == .deadlock)
        #expect(deadlock?.code.isRetryable == true)
    }

    @Test func insufficientPrivilegeAndRowLevelSecurity() throws {
        try connection.execute("""
            CREATE ROLE error_test_\(database.name) NOLOGIN;
            GRANT SELECT, INSERT ON parent TO error_test_\(database.name);
            ALTER TABLE parent ENABLE ROW LEVEL SECURITY;
            CREATE POLICY only_small ON parent USING (id < 10) WITH CHECK (id < 10);
            """)
        try connection.execute("SET ROLE error_test_\(database.name)")
        defer { _ = try? connection.execute("RESET ROLE") }
        #expect(code("DELETE FROM child")?.code == .insufficientPrivilege)
        let rls = code("INSERT INTO parent VALUES (\(50))")
        #expect(rls?.code == .insufficientPrivilege)
        #expect(rls?.sqlState == "42501")
    }

    @Test func descriptionLeaksNoSQLOrValues() {
        let error = code("INSERT INTO parent VALUES (\(1))")
        #expect(error?.description == "PostgreSQL error uniqueViolation (SQLSTATE 23505)")
        #expect(error?.debugDescription.contains("duplicate key") == true)
    }

    @Test func connectionLost() throws {
        let victim = try PGConnection(conninfo: database.adminConninfo)
        try connection.query("SELECT pg_terminate_backend(\(victim.backendPID))")
        let error = #expect(throws: PGError.self) { try victim.query("SELECT 1") }
        #expect(error?.code == .connectionLost)
        #expect(!victim.isConnected)
        #expect(victim.reset())
        #expect(try victim.query("SELECT 1")[0].decode(Int.self, at: 0) == 1)
    }

    @Test func connectionFailed() {
        let error = #expect(throws: PGError.self) {
            try PGConnection(conninfo: "host=/nonexistent-folder port=1 user=nobody connect_timeout=1")
        }
        #expect(error?.code == .connectionFailed)
    }
}
