import EmbudoDatabase
import PGClient

/// Pricelists and their rules (`product.pricelist`, `product.pricelist.item`); prices are computed in
/// SQL (`embudo.pricelist_price`, sql/modules/sale/catalog.sql).
public enum Pricelist {
    public static let model = ModelDescription(
        name: "product.pricelist", table: "product_pricelist", order: "sequence, id",
        fields: [
            FieldDescription("name", .char, string: "Pricelist Name", required: true),
            FieldDescription("currency_id", .many2one, string: "Currency", relation: "res.currency"),
            FieldDescription("sequence", .integer, string: "Sequence"),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("item_ids", .one2many, string: "Pricelist Rules", relation: "product.pricelist.item", inverseName: "pricelist_id"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ],
        methods: [productPrice]
    )

    /// `get_product_price(ids, product, quantity, partner, date=False, uom_id=False)` (Odoo's public
    /// pricing call up to 15, what a form needs to price a line before it is saved): the unit price of
    /// `product` for `quantity` on `date` (today) in this pricelist, as the order line will get it.
    static let productPrice = ModelMethod("get_product_price", .records("product", "quantity", "partner", keywords: ["date", "uom_id"])) { call in
        let pricelist = try call.arguments.record()
        guard let product = call.arguments.int("product"), product > 0 else { throw ModelError.validation("product must be a product id") }
        let quantity = call.arguments["quantity"]?.doubleValue ?? 1
        guard quantity.isFinite, abs(quantity) < 1e12 else { throw ModelError.validation("quantity must be a number") }
        var day: String?
        if let value = call.arguments.given("date") {
            guard let text = value.stringValue, PGDateText.isDateTime(text) else { throw ModelError.validation("date must be a date (YYYY-MM-DD)") }
            day = String(text.prefix(10))
        }
        let query: PGQuery = """
            SELECT embudo.pricelist_price(p.id, x.id, \(quantity)::numeric, coalesce(\(day)::date, current_date))::float8
            FROM product_pricelist p, product_product x
            WHERE p.company_id = ANY (\(call.tenant.companyIDs)::int[]) AND p.id = \(pricelist)::int
              AND x.company_id = p.company_id AND x.id = \(product)::int
            """
        let price = try await call.database.single(query, as: call.tenant) { rows in rows.count == 0 ? nil : try rows[0].decode(Double.self, at: 0) }
        guard let price else { throw ModelError(.missing, "This pricelist or product does not exist or you cannot see it.") }
        return .value(.double(price))
    }

    public static let item = ModelDescription(
        name: "product.pricelist.item", table: "product_pricelist_item", recordName: "applied_on",
        order: "applied_on, min_quantity desc, id desc", hasAuditColumns: false,
        fields: [
            FieldDescription("pricelist_id", .many2one, string: "Pricelist", required: true, relation: "product.pricelist"),
            FieldDescription("applied_on", .selection, string: "Apply On",
                             selection: [["3_global", "All Products"], ["2_product_category", " Product Category"], ["0_product_variant", "Product Variant"]]),
            FieldDescription("product_id", .many2one, string: "Product", relation: "product.product"),
            FieldDescription("categ_id", .many2one, string: "Product Category", relation: "product.category"),
            FieldDescription("min_quantity", .float, string: "Min. Quantity"),
            FieldDescription("date_start", .date, string: "Start Date"),
            FieldDescription("date_end", .date, string: "End Date"),
            FieldDescription("compute_price", .selection, string: "Compute Price",
                             selection: [["fixed", "Fixed Price"], ["percentage", "Percentage (discount)"], ["formula", "Formula"]]),
            FieldDescription("base", .selection, string: "Based on", selection: [["list_price", "Sales Price"], ["standard_price", "Cost"]]),
            FieldDescription("fixed_price", .float, string: "Fixed Price"),
            FieldDescription("percent_price", .float, string: "Percentage Price"),
            FieldDescription("price_discount", .float, string: "Price Discount"),
            FieldDescription("price_surcharge", .float, string: "Price Surcharge"),
            FieldDescription("price_round", .float, string: "Price Rounding"),
            FieldDescription("price_min_margin", .float, string: "Min. Price Margin"),
            FieldDescription("price_max_margin", .float, string: "Max. Price Margin"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )
}
