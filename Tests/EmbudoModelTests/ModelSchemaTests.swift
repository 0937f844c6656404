import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// Every model description names what the migrated schema has: its table (or view), the column of each
/// stored field, the link table and columns of each many2many, a described model for each relation, and
/// its `ir_model` row. A column renamed in SQL but not in Swift fails here, not in a client's call.
@Suite("Model descriptions against the schema")
struct ModelSchemaTests {
    /// Wizards keep their values in one shared table, not in columns of their own.
    static let transientTable = "embudo.transient_record"

    @Test func everyDescribedColumnAndRelationExists() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        let problems = try Self.problems(ModelRegistry.standard, connection: try database.adminConnection())
        #expect(problems == [], "\(problems.joined(separator: "\n"))")
    }

    /// The check itself finds a column that the schema lacks and a relation that is not described.
    @Test func aMisnamedColumnIsReported() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        var registry = ModelRegistry.standard
        var partner = try registry.model("res.partner")
        partner.fields["phone"]?.column = "telephone"
        partner.fields["title"]?.relation = "res.partner.honorific"
        registry.models[partner.name] = partner
        let problems = try Self.problems(registry, connection: try database.adminConnection())
        #expect(problems.contains("res.partner.phone: no column res_partner.telephone"), "\(problems)")
        #expect(problems.contains("res.partner.title: relation res.partner.honorific is not described"), "\(problems)")
    }

    /// What the schema lacks of `registry`'s descriptions, one line each.
    static func problems(_ registry: ModelRegistry, connection: PGConnection) throws -> [String] {
        var problems: [String] = []
        func columns(of relation: String) throws -> Set<String>? {
            let exists = try connection.query("SELECT to_regclass(\(relation)) IS NOT NULL")[0].decode(Bool.self, at: 0)
            guard exists else { return nil }
            let rows = try connection.query("""
                SELECT attname::text FROM pg_attribute WHERE attrelid = to_regclass(\(relation)) AND attnum > 0 AND NOT attisdropped
                """)
            return Set(try rows.map { try $0.decode(String.self, at: 0) })
        }
        let described = try connection.query("SELECT model FROM ir_model").map { try $0.decode(String.self, at: 0) }
        for model in registry.models.values.sorted(by: { $0.name < $1.name }) where model.kind != .abstract {
            if !described.contains(model.name) { problems.append("\(model.name): no ir_model row") }
            guard let table = try columns(of: model.table) else {
                problems.append("\(model.name): no table or view \(model.table)")
                continue
            }
            for field in model.fields.values.sorted(by: { $0.name < $1.name }) {
                if let relation = field.relation, registry.models[relation] == nil {
                    problems.append("\(model.name).\(field.name): relation \(relation) is not described")
                }
                if field.isStored, model.table != Self.transientTable, let column = field.column, !table.contains(column) {
                    problems.append("\(model.name).\(field.name): no column \(model.table).\(column)")
                }
                if field.type == .many2many, let link = field.linkTable, let (own, other) = field.linkColumns {
                    guard let linkColumns = try columns(of: link) else {
                        problems.append("\(model.name).\(field.name): no link table \(link)")
                        continue
                    }
                    for column in [own, other] where !linkColumns.contains(column) {
                        problems.append("\(model.name).\(field.name): no column \(link).\(column)")
                    }
                    // Reads join a company's link rows by company (RecordColumns).
                    if model.isCompanyScoped && !linkColumns.contains("company_id") {
                        problems.append("\(model.name).\(field.name): link table \(link) has no company_id")
                    }
                }
                if field.type == .one2many, let relation = field.relation, let inverse = field.inverseName,
                   registry.models[relation]?.fields[inverse] == nil {
                    problems.append("\(model.name).\(field.name): \(relation) has no field \(inverse)")
                }
            }
        }
        return problems
    }
}
