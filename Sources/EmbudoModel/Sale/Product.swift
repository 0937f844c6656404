/// Products and their units and categories (`product.product`, `product.category`, `uom.uom`,
/// `uom.category`).
public enum Product {
    public static let model = ModelDescription(
        name: "product.product", table: "product_product", order: "default_code, name, id",
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("default_code", .char, string: "Internal Reference"),
            FieldDescription("list_price", .float, string: "Sales Price"),
            .computed("lst_price", .float, string: "Public Price", "$.list_price"),
            FieldDescription("standard_price", .float, string: "Cost"),
            FieldDescription("type", .selection, string: "Product Type", selection: [["consu", "Consumable"], ["service", "Service"], ["product", "Storable Product"]]),
            FieldDescription("uom_id", .many2one, string: "Unit of Measure", relation: "uom.uom"),
            FieldDescription("categ_id", .many2one, string: "Product Category", relation: "product.category"),
            FieldDescription(
                "taxes_id", .many2many, string: "Customer Taxes", relation: "account.tax", linkTable: "product_taxes_rel", linkColumns: ("prod_id", "tax_id")
            ),
            FieldDescription("sale_ok", .boolean, string: "Can be Sold"),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("description_sale", .text, string: "Sales Description"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let category = ModelDescription(
        name: "product.category", table: "product_category", order: "name, id", parentField: "parent_id",
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("parent_id", .many2one, string: "Parent Category", relation: "product.category"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let uom = ModelDescription(
        name: "uom.uom", table: "uom_uom", order: "name, id", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Unit of Measure", required: true).translated(spanish: "name_es"),
            FieldDescription("category_id", .many2one, string: "Category", required: true, relation: "uom.category"),
            FieldDescription("uom_type", .selection, string: "Type",
                             selection: [["bigger", "Bigger than the reference Unit of Measure"], ["reference", "Reference Unit of Measure for this category"],
                                         ["smaller", "Smaller than the reference Unit of Measure"]]),
            FieldDescription("factor", .float, string: "Ratio"),
            FieldDescription("rounding", .float, string: "Rounding Precision"),
            FieldDescription("active", .boolean, string: "Active"),
        ]
    )

    public static let uomCategory = ModelDescription(
        name: "uom.category", table: "uom_category", order: "name, id", isReadOnly: true, hasAuditColumns: false,
        fields: [FieldDescription("name", .char, string: "Unit of Measure Category", required: true).translated(spanish: "name_es")]
    )
}
