import EmbudoTestSupport
import Foundation
import PGClient
import Testing

@Suite("Type round trips through a real PostgreSQL")
struct DecodingTests {
    let database: TestDatabase
    let connection: PGConnection

    init() async throws {
        database = try await TestDatabase.make(migrated: false)
        connection = try PGConnection(conninfo: database.adminConninfo)
    }

    @Test func integers() throws {
        let row = try connection.query("SELECT \(42)::int2, \(Int(Int32.max))::int4, \(Int.min)::int8, \(-7)::int")[0]
        #expect(try row.decode(Int16.self, at: 0) == 42)
        #expect(try row.decode(Int32.self, at: 1) == Int32.max)
        #expect(try row.decode(Int.self, at: 2) == Int.min)
        #expect(try row.decode(Int64.self, at: 3) == -7)
        #expect(try row.decode((Int, Int, Int, Int).self) == (42, Int(Int32.max), Int.min, -7))
    }

    @Test func integerOverflowIsAnError() throws {
        let row = try connection.query("SELECT 100000::int4")[0]
        let error = #expect(throws: PGDecodingError.self) { try row.decode(Int16.self, at: 0) }
        #expect(error?.kind == .invalidValue)
    }

    @Test func numericIsExact() throws {
        let row = try connection.query("SELECT \(Decimal(string: "12345678901234567890.123456")!)::numeric, 0.1::numeric + 0.2::numeric, 1e40::numeric")[0]
        #expect(try row.decode(Decimal.self, at: 0) == Decimal(string: "12345678901234567890.123456")!)
        #expect(try row.decode(Decimal.self, at: 1) == Decimal(string: "0.3")!)
        #expect(try row.decode(PGNumeric.self, at: 1).text == "0.3")
        // 41 digits do not fit a Decimal: an error, never a silent rounding.
        #expect(throws: PGDecodingError.self) { try row.decode(Decimal.self, at: 2) }
        #expect(try row.decode(PGNumeric.self, at: 2).text == "1" + String(repeating: "0", count: 40))
    }

    @Test func floatingPoint() throws {
        let row = try connection.query("SELECT \(1.5)::float8, \(Double.infinity)::float8, 'NaN'::float8, 0.25::float4")[0]
        #expect(try row.decode(Double.self, at: 0) == 1.5)
        #expect(try row.decode(Double.self, at: 1) == .infinity)
        #expect(try row.decode(Double.self, at: 2).isNaN)
        #expect(try row.decode(Float.self, at: 3) == 0.25)
    }

    @Test func textAndUnicode() throws {
        let text = "Peña Nieto — 会社 🚀 'quoted' \"double\" \\ backslash"
        let row = try connection.query("SELECT \(text)::text, \(text)::varchar, 'abc'::char(5)")[0]
        #expect(try row.decode(String.self, at: 0) == text)
        #expect(try row.decode(String.self, at: 1) == text)
        #expect(try row.decode(String.self, at: 2) == "abc  ")
    }

    @Test func boolAndNull() throws {
        let row = try connection.query("SELECT \(true)::bool, \(false)::bool, NULL::int, \(Int?.none)::text")[0]
        #expect(try row.decode(Bool.self, at: 0) == true)
        #expect(try row.decode(Bool.self, at: 1) == false)
        #expect(try row.decode(Int?.self, at: 2) == nil)
        #expect(try row.decode(String?.self, at: 3) == nil)
        let error = #expect(throws: PGDecodingError.self) { try row.decode(Int.self, at: 2) }
        #expect(error?.kind == .unexpectedNull)
    }

    @Test func dates() throws {
        let date = PGDate(year: 2026, month: 2, day: 28)
        let instant = Date(timeIntervalSince1970: 1_795_000_000.123456)
        let row = try connection.query("""
            SELECT \(date)::date, \(instant)::timestamptz, '1969-07-20 20:17:40+00'::timestamptz,
                   'infinity'::timestamptz, '2026-11-27 10:00:00'::timestamp
            """)[0]
        #expect(try row.decode(PGDate.self, at: 0) == date)
        #expect(abs(try row.decode(Date.self, at: 1).timeIntervalSince1970 - instant.timeIntervalSince1970) < 0.000_001)
        #expect(try row.decode(Date.self, at: 2).timeIntervalSince1970 == -14_182_940)
        #expect(try row.decode(Date.self, at: 3) == .distantFuture)
        #expect(try row.decode(Date.self, at: 4).timeIntervalSince1970 == 1_795_773_600)
    }

    @Test func timestampsInAnotherTimeZone() throws {
        try connection.execute("SET TimeZone = 'Asia/Kolkata'")
        defer { _ = try? connection.execute("RESET TimeZone") }
        let row = try connection.query("SELECT '2026-01-01 00:00:00+00'::timestamptz")[0]
        #expect(try row.decode(Date.self, at: 0).timeIntervalSince1970 == 1_767_225_600)
    }

    @Test func bytea() throws {
        let data = Data([0, 1, 2, 0xfe, 0xff, 0x5c, 0x27])
        let row = try connection.query("SELECT \(data)::bytea, ''::bytea")[0]
        #expect(try row.decode(Data.self, at: 0) == data)
        #expect(try row.decode(Data.self, at: 1) == Data())
    }

    @Test func json() throws {
        struct Payload: Codable, Equatable { var name: String; var tags: [String] }
        let payload = Payload(name: "Acme", tags: ["a", "b"])
        let row = try connection.query("SELECT \(try PGJSON(encoding: payload))::jsonb, '{\"x\": 1}'::json")[0]
        #expect(try row.decode(PGJSON.self, at: 0).decode(Payload.self) == payload)
        #expect(try row.decode(PGJSON.self, at: 1).text == "{\"x\": 1}")
    }

    @Test func arrays() throws {
        let words = ["plain", "with space", "quote\"d", "back\\slash", "comma,", "NULL", ""]
        let row = try connection.query("""
            SELECT \([1, 2, 3])::int[], \(words)::text[], ARRAY[1, NULL, 3], '{}'::int8[],
                   ARRAY['2026-01-02'::date], ARRAY[1.5::numeric]
            """)[0]
        #expect(try row.decode([Int].self, at: 0) == [1, 2, 3])
        #expect(try row.decode([String].self, at: 1) == words)
        #expect(try row.decode([Int?].self, at: 2) == [1, nil, 3])
        #expect(throws: PGDecodingError.self) { try row.decode([Int].self, at: 2) }
        #expect(try row.decode([Int].self, at: 3) == [])
        #expect(try row.decode([PGDate].self, at: 4) == [PGDate(year: 2026, month: 1, day: 2)])
        #expect(try row.decode([Decimal].self, at: 5) == [Decimal(string: "1.5")!])
    }

    @Test func typeMismatchesAreClearErrors() throws {
        let result = try connection.query("SELECT 'abc'::text AS label, 1 AS number, now() AS moment")
        let row = result[0]
        let error = #expect(throws: PGDecodingError.self) { try row.decode(Int.self, named: "label") }
        #expect(error?.kind == .typeMismatch)
        #expect(error?.description == "cannot decode column \"label\" of type text as Int")
        #expect(throws: PGDecodingError.self) { try row.decode(String.self, at: 1) }
        #expect(throws: PGDecodingError.self) { try row.decode(Bool.self, at: 1) }
        #expect(throws: PGDecodingError.self) { try row.decode(PGDate.self, at: 2) }
        #expect(throws: PGDecodingError.self) { try row.decode(Int.self, at: 7) }
        #expect(throws: PGDecodingError.self) { try row.decode((Int, Int).self) }
        #expect(try row.decode(Int.self, named: "number") == 1)
    }

    @Test func nulCharacterInTextIsRefusedNotTruncated() throws {
        let error = #expect(throws: PGError.self) { try connection.query("SELECT \("a\u{0}b")::text") }
        #expect(error?.code == .invalidInput)
    }
}
