/// Pricelists and their rules (`product.pricelist`, `product.pricelist.item`); prices are computed in
/// SQL (sql/modules/sale/pricing.sql).
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
        ]
    )

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
