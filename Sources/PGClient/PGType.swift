/// A PostgreSQL type, identified by its OID as libpq reports it (`PQftype`).
public struct PGType: Hashable, Sendable, CustomStringConvertible {
    /// The type's OID.
    public var oid: UInt32

    /// Wraps an OID.
    public init(oid: UInt32) { self.oid = oid }

    public static let bool = PGType(oid: 16)
    public static let bytea = PGType(oid: 17)
    public static let char = PGType(oid: 18)
    public static let name = PGType(oid: 19)
    public static let int8 = PGType(oid: 20)
    public static let int2 = PGType(oid: 21)
    public static let int4 = PGType(oid: 23)
    public static let text = PGType(oid: 25)
    public static let oidType = PGType(oid: 26)
    public static let json = PGType(oid: 114)
    public static let xml = PGType(oid: 142)
    public static let float4 = PGType(oid: 700)
    public static let float8 = PGType(oid: 701)
    public static let unknown = PGType(oid: 705)
    public static let money = PGType(oid: 790)
    public static let bpchar = PGType(oid: 1042)
    public static let varchar = PGType(oid: 1043)
    public static let date = PGType(oid: 1082)
    public static let time = PGType(oid: 1083)
    public static let timestamp = PGType(oid: 1114)
    public static let timestamptz = PGType(oid: 1184)
    public static let interval = PGType(oid: 1186)
    public static let numeric = PGType(oid: 1700)
    public static let uuid = PGType(oid: 2950)
    public static let jsonb = PGType(oid: 3802)

    /// User-defined types (enums, domains' arrays, extension types) have OIDs from here on.
    static let firstUserOID: UInt32 = 16384

    /// Whether the type is built into PostgreSQL rather than created in a database.
    public var isBuiltIn: Bool { oid < PGType.firstUserOID }

    /// For a built-in array type, the type of its elements.
    public var arrayElement: PGType? {
        PGType.elementOfArray[oid].map(PGType.init(oid:))
    }

    private static let elementOfArray: [UInt32: UInt32] = [
        1000: 16, 1001: 17, 1002: 18, 1003: 19, 1016: 20, 1005: 21, 1007: 23, 1009: 25, 1028: 26,
        199: 114, 143: 142, 1021: 700, 1022: 701, 791: 790, 1014: 1042, 1015: 1043, 1182: 1082,
        1183: 1083, 1115: 1114, 1185: 1184, 1187: 1186, 1231: 1700, 2951: 2950, 3807: 3802,
    ]

    private static let names: [UInt32: String] = [
        16: "bool", 17: "bytea", 18: "char", 19: "name", 20: "int8", 21: "int2", 23: "int4", 25: "text",
        26: "oid", 114: "json", 142: "xml", 700: "float4", 701: "float8", 705: "unknown", 790: "money",
        1042: "bpchar", 1043: "varchar", 1082: "date", 1083: "time", 1114: "timestamp",
        1184: "timestamptz", 1186: "interval", 1700: "numeric", 2950: "uuid", 3802: "jsonb",
    ]

    public var description: String {
        if let name = PGType.names[oid] { return name }
        if let element = arrayElement { return "\(element)[]" }
        return "oid \(oid)"
    }
}
