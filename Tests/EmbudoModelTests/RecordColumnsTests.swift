@testable import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// Records are read as plain columns and written as JSON by the server: the text must be what
/// PostgreSQL's `to_json` wrote before, for every kind of value.
@Suite("Records written as JSON from columns")
struct RecordColumnsTests {
    @Test func writesEachKindAsToJSONDid() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        let connection = try database.adminConnection()
        let result = try connection.query("""
            SELECT 7, E'a"b\\\\c\\nd\\u0001é', NULL::text, 3::int, true, NULL::bool, 'NaN'::float8, '1e+20'::float8, 12.50::numeric,
                   NULL::numeric, '-Infinity'::float8, NULL::int, 5, NULL::text, 9, 'Ana', '[1,2]'::json
            UNION ALL
            SELECT 8, '', 'x', NULL, false, NULL, -0.5::float8, 0::float8, -3::numeric, NULL, 2.5::float8, 11, NULL, NULL, 13, 'Luis "L"', '[]'
            """)
        let columns = RecordColumns(
            names: ["id", "name", "note", "priority", "active", "done", "a", "b", "c", "d", "e", "partner_id", "stage_id", "user_id", "tag_ids"],
            kinds: [.id, .text, .text, .text, .boolean, .boolean, .number, .number, .number, .number, .number, .reference,
                    .namedReference, .namedReference, .json],
            selectList: ""
        )
        let json = columns.json(result)
        #expect(json == #"[{"id":7,"name":"a\"b\\c\nd\u0001é","note":false,"priority":3,"active":true,"done":false,"a":"NaN","b":1e+20,"#
            + #""c":12.50,"d":0,"e":"-Infinity","partner_id":false,"stage_id":[5,null],"user_id":[9,"Ana"],"tag_ids":[1,2]},"#
            + #"{"id":8,"name":"","note":"x","priority":false,"active":false,"done":false,"a":-0.5,"b":0,"c":-3,"d":0,"e":2.5,"#
            + #""partner_id":11,"stage_id":false,"user_id":[13,"Luis \"L\""],"tag_ids":[]}]"#, "\(json)")
        // What a client parses.
        #expect(try JSONValue.parse(Array(json.utf8)).arrayValue?.count == 2)
    }

    /// Names looked up after the rows: by id, `null` for a related record the lookup did not return.
    @Test func writesNamesLookedUpAfterTheRows() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        let connection = try database.adminConnection()
        let rows = try connection.query("SELECT 1, 10, 20 UNION ALL SELECT 2, NULL, 21 UNION ALL SELECT 3, 10, 22 ORDER BY 1")
        let names = try connection.query("SELECT 10, 'Ana \"A\"' UNION ALL SELECT 20, 'Nuevo' UNION ALL SELECT 22, NULL")
        let columns = RecordColumns(names: ["id", "user_id", "stage_id"], kinds: [.id, .lookedUpReference(0), .lookedUpReference(0)],
                                    selectList: "")
        #expect(columns.json(rows, lookedUp: [names]) ==
            #"[{"id":1,"user_id":[10,"Ana \"A\""],"stage_id":[20,"Nuevo"]},{"id":2,"user_id":false,"stage_id":[21,null]},"#
            + #"{"id":3,"user_id":[10,"Ana \"A\""],"stage_id":[22,null]}]"#)
    }

    @Test func knowsJSONNumbers() {
        for (text, isNumber) in [("0", true), ("-0", true), ("12.50", true), ("1e+20", true), ("1E-3", true), ("-12", true),
                                 ("NaN", false), ("Infinity", false), ("01", false), ("1.", false), (".5", false), ("", false), ("-", false),
                                 ("1e", false), ("+1", false)] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBytes { RecordColumns.isJSONNumber($0) } == isNumber, "\(text)")
        }
    }
}
