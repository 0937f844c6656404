/// The descriptions of the sales models: units, taxes, payment terms, products, pricelists, quotations
/// and orders with their lines and optional products, and the CFDI 3.3 catalogue of payment forms.
public enum SaleModels {
    public static let uom = ModelDescription(
        name: "uom.uom", table: "uom_uom", order: "name, id", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Unit of Measure", required: true),
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
        fields: [FieldDescription("name", .char, string: "Unit of Measure Category", required: true)]
    )

    public static let tax = ModelDescription(
        name: "account.tax", table: "account_tax", order: "sequence, id",
        fields: [
            FieldDescription("name", .char, string: "Tax Name", required: true),
            FieldDescription("amount_type", .selection, string: "Tax Computation", selection: [["percent", "Percentage of Price"]]),
            FieldDescription("amount", .float, string: "Amount", required: true),
            FieldDescription("price_include", .boolean, string: "Included in Price"),
            FieldDescription("type_tax_use", .selection, string: "Tax Type", selection: [["sale", "Sales"], ["purchase", "Purchases"], ["none", "None"]]),
            FieldDescription("sequence", .integer, string: "Sequence"),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("description", .char, string: "Label on Invoices"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let paymentTerm = ModelDescription(
        name: "account.payment.term", table: "account_payment_term", order: "sequence, id",
        fields: [
            FieldDescription("name", .char, string: "Payment Terms", required: true),
            FieldDescription("note", .text, string: "Description on the Invoice"),
            FieldDescription("sequence", .integer, string: "Sequence"),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("line_ids", .one2many, string: "Terms", relation: "account.payment.term.line", inverseName: "payment_id"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let paymentTermLine = ModelDescription(
        name: "account.payment.term.line", table: "account_payment_term_line", recordName: "value", order: "sequence, id", hasAuditColumns: false,
        fields: [
            FieldDescription("payment_id", .many2one, string: "Payment Terms", required: true, relation: "account.payment.term"),
            FieldDescription("value", .selection, string: "Type", selection: [["balance", "Balance"], ["percent", "Percent"], ["fixed", "Fixed Amount"]]),
            FieldDescription("value_amount", .float, string: "Value"),
            FieldDescription("days", .integer, string: "Number of Days"),
            FieldDescription("option", .selection, string: "Due Date Computation",
                             selection: [["day_after_invoice_date", "days after the invoice date"], ["after_invoice_month", "days after the end of the invoice month"],
                                         ["day_following_month", "of the following month"], ["day_current_month", "of the current month"]]),
            FieldDescription("sequence", .integer, string: "Sequence"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let productCategory = ModelDescription(
        name: "product.category", table: "product_category", order: "name, id", parentField: "parent_id",
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("parent_id", .many2one, string: "Parent Category", relation: "product.category"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let product = ModelDescription(
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

    public static let pricelist = ModelDescription(
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

    public static let pricelistItem = ModelDescription(
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

    static let orderStates = [["draft", "Quotation"], ["sent", "Quotation Sent"], ["sale", "Sales Order"], ["done", "Locked"], ["cancel", "Cancelled"]]

    public static let order = ModelDescription(
        name: "sale.order", table: "sale_order", order: "date_order desc, id desc",
        fields: [
            FieldDescription("name", .char, string: "Order Reference"),
            FieldDescription("state", .selection, string: "Status", readonly: true, selection: orderStates),
            FieldDescription("date_order", .datetime, string: "Order Date"),
            FieldDescription("validity_date", .date, string: "Expiration"),
            .computed("is_expired", .boolean, string: "Is expired",
                      "$.state = 'sent' AND $.validity_date < (now() AT TIME ZONE 'UTC')::date"),
            .computed("type_name", .char, string: "Type Name",
                      "CASE WHEN $.state IN ('draft', 'sent', 'cancel') THEN 'Quotation' ELSE 'Sales Order' END"),
            FieldDescription("origin", .char, string: "Source Document"),
            FieldDescription("client_order_ref", .char, string: "Customer Reference"),
            FieldDescription("reference", .char, string: "Payment Ref."),
            FieldDescription("partner_id", .many2one, string: "Customer", relation: "res.partner"),
            FieldDescription("partner_invoice_id", .many2one, string: "Invoice Address", relation: "res.partner"),
            FieldDescription("partner_shipping_id", .many2one, string: "Delivery Address", relation: "res.partner"),
            FieldDescription("user_id", .many2one, string: "Salesperson", relation: "res.users"),
            FieldDescription("team_id", .many2one, string: "Sales Team", relation: "crm.team"),
            FieldDescription("pricelist_id", .many2one, string: "Pricelist", relation: "product.pricelist"),
            FieldDescription("currency_id", .many2one, string: "Currency", readonly: true, relation: "res.currency"),
            FieldDescription("payment_term_id", .many2one, string: "Payment Terms", relation: "account.payment.term"),
            FieldDescription("note", .text, string: "Terms and conditions"),
            FieldDescription("amount_untaxed", .monetary, string: "Untaxed Amount", readonly: true),
            FieldDescription("amount_tax", .monetary, string: "Taxes", readonly: true),
            FieldDescription("amount_total", .monetary, string: "Total", readonly: true),
            FieldDescription("order_line", .one2many, string: "Order Lines", relation: "sale.order.line", inverseName: "order_id"),
            FieldDescription("sale_order_option_ids", .one2many, string: "Optional Products Lines", relation: "sale.order.option", inverseName: "order_id"),
            FieldDescription("opportunity_id", .many2one, string: "Opportunity", relation: "crm.lead"),
            FieldDescription("campaign_id", .many2one, string: "Campaign", relation: "utm.campaign"),
            FieldDescription("medium_id", .many2one, string: "Medium", relation: "utm.medium"),
            FieldDescription("source_id", .many2one, string: "Source", relation: "utm.source"),
            FieldDescription("tag_ids", .many2many, string: "Tags", relation: "crm.tag", linkTable: "sale_order_tag_rel", linkColumns: ("order_id", "tag_id")),
            FieldDescription("require_signature", .boolean, string: "Online Signature"),
            FieldDescription("signed_by", .char, string: "Signed By", readonly: true),
            FieldDescription("signed_on", .datetime, string: "Signed On", readonly: true),
            FieldDescription("l10n_mx_edi_usage", .char, string: "Usage (CFDI, c_UsoCFDI)"),
            FieldDescription("l10n_mx_edi_payment_method_id", .many2one, string: "Payment Way (CFDI, c_FormaPago)", relation: "l10n_mx_edi.payment.method"),
            FieldDescription("l10n_mx_edi_payment_policy", .selection, string: "Payment Policy (CFDI, c_MetodoPago)",
                             selection: [["PUE", "PUE"], ["PPD", "PPD"]]),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("create_date", .datetime, string: "Creation Date", readonly: true),
            FieldDescription("write_date", .datetime, string: "Last Updated on", readonly: true),
        ] + ActivityModels.mixinFields(model: "sale.order", inverse: "order_id")
    )

    public static let orderLine = ModelDescription(
        name: "sale.order.line", table: "sale_order_line", order: "order_id, sequence, id",
        fields: [
            FieldDescription("order_id", .many2one, string: "Order Reference", required: true, relation: "sale.order"),
            FieldDescription("sequence", .integer, string: "Sequence"),
            FieldDescription("name", .text, string: "Description"),
            FieldDescription("display_type", .selection, string: "Display Type", selection: [["line_section", "Section"], ["line_note", "Note"]]),
            FieldDescription("product_id", .many2one, string: "Product", relation: "product.product"),
            FieldDescription("product_uom_qty", .float, string: "Quantity"),
            FieldDescription("product_uom", .many2one, string: "Unit of Measure", relation: "uom.uom"),
            FieldDescription("price_unit", .float, string: "Unit Price"),
            FieldDescription("discount", .float, string: "Discount (%)"),
            FieldDescription(
                "tax_id", .many2many, string: "Taxes", relation: "account.tax",
                linkTable: "account_tax_sale_order_line_rel", linkColumns: ("sale_order_line_id", "account_tax_id")
            ),
            FieldDescription("price_reduce", .float, string: "Price Reduce", readonly: true),
            FieldDescription("price_subtotal", .monetary, string: "Subtotal", readonly: true),
            FieldDescription("price_tax", .monetary, string: "Total Tax", readonly: true),
            FieldDescription("price_total", .monetary, string: "Total", readonly: true),
            FieldDescription("customer_lead", .float, string: "Lead Time"),
            .computed("state", .selection, string: "Order Status", selection: orderStates, "SELECT o.state FROM sale_order o WHERE o.id = $.order_id"),
            .computed("salesman_id", .many2one, string: "Salesperson", relation: "res.users", "SELECT o.user_id FROM sale_order o WHERE o.id = $.order_id"),
            .computed("order_partner_id", .many2one, string: "Customer", relation: "res.partner",
                      "SELECT o.partner_id FROM sale_order o WHERE o.id = $.order_id"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let option = ModelDescription(
        name: "sale.order.option", table: "sale_order_option", order: "sequence, id",
        fields: [
            FieldDescription("order_id", .many2one, string: "Sales Order Reference", required: true, relation: "sale.order"),
            FieldDescription("line_id", .many2one, string: "Order Line", readonly: true, relation: "sale.order.line"),
            FieldDescription("name", .text, string: "Description"),
            FieldDescription("product_id", .many2one, string: "Product", required: true, relation: "product.product"),
            FieldDescription("price_unit", .float, string: "Unit Price"),
            FieldDescription("discount", .float, string: "Discount (%)"),
            FieldDescription("uom_id", .many2one, string: "Unit of Measure ", relation: "uom.uom"),
            FieldDescription("quantity", .float, string: "Quantity"),
            FieldDescription("sequence", .integer, string: "Sequence"),
            .computed("is_present", .boolean, string: "Present on Quotation",
                      "EXISTS (SELECT 1 FROM sale_order_line l WHERE l.order_id = $.order_id AND l.product_id = $.product_id)"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let paymentMethod = ModelDescription(
        name: "l10n_mx_edi.payment.method", table: "l10n_mx_edi_payment_method", order: "code", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("code", .char, string: "Code", required: true),
        ]
    )

    /// Every sales model.
    public static let all: [ModelDescription] = [
        uom, uomCategory, tax, paymentTerm, paymentTermLine, productCategory, product, pricelist, pricelistItem, order, orderLine, option,
        paymentMethod,
    ]

    /// The sales fields of leads (sale_crm): their orders, counts and confirmed amount.
    static let leadFields: [FieldDescription] = [
        FieldDescription("order_ids", .one2many, string: "Orders", relation: "sale.order", inverseName: "opportunity_id"),
        .computed("quotation_count", .integer, string: "Number of Quotations",
                  "SELECT count(*) FROM sale_order o WHERE o.opportunity_id = $.id AND o.state IN ('draft', 'sent')"),
        .computed("sale_order_count", .integer, string: "Number of Sale Orders",
                  "SELECT count(*) FROM sale_order o WHERE o.opportunity_id = $.id AND o.state NOT IN ('draft', 'sent', 'cancel')"),
        .computed("sale_amount_total", .monetary, string: "Sum of Orders",
                  "SELECT coalesce(sum(o.amount_untaxed), 0) FROM sale_order o WHERE o.opportunity_id = $.id AND o.state NOT IN ('draft', 'sent', 'cancel')"),
    ]

    /// The sales figures of teams: open quotations.
    static let teamFields: [FieldDescription] = [
        .computed("quotations_count", .integer, string: "Number of quotations to invoice",
                  "SELECT count(*) FROM sale_order o WHERE o.team_id = $.id AND o.state IN ('draft', 'sent')"),
        .computed("quotations_amount", .float, string: "Amount of quotations to invoice",
                  "SELECT coalesce(sum(o.amount_total), 0) FROM sale_order o WHERE o.team_id = $.id AND o.state IN ('draft', 'sent')"),
    ]
}
