/// `sale.order`: quotations and sales orders (draft → sent → sale → done, or cancelled), their lines and
/// optional products. Totals, prices and the lifecycle's rules are SQL (sql/modules/sale/); the actions
/// are in `SaleOrder+Actions.swift`.
public enum SaleOrder {
    static let orderStates = [["draft", "Quotation"], ["sent", "Quotation Sent"], ["sale", "Sales Order"], ["done", "Locked"], ["cancel", "Cancelled"]]

    public static let model = ModelDescription(
        name: "sale.order", table: "sale_order", order: "date_order desc, id desc",
        fields: [
            FieldDescription("name", .char, string: "Order Reference").folded(),
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
        ] + ActivityMixin.fields(model: "sale.order", inverse: "order_id"),
        methods: orderActions + [ActivityMixin.schedule]
    )

    public static let line = ModelDescription(
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
            // The order's fields, looked up by the line's company and order (the order's key).
            .computed("state", .selection, string: "Order Status", selection: orderStates,
                      "SELECT o.state FROM sale_order o WHERE o.company_id = $.company_id AND o.id = $.order_id"),
            .computed("salesman_id", .many2one, string: "Salesperson", relation: "res.users",
                      "SELECT o.user_id FROM sale_order o WHERE o.company_id = $.company_id AND o.id = $.order_id"),
            .computed("order_partner_id", .many2one, string: "Customer", relation: "res.partner",
                      "SELECT o.partner_id FROM sale_order o WHERE o.company_id = $.company_id AND o.id = $.order_id"),
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
                      "EXISTS (SELECT 1 FROM sale_order_line l WHERE l.company_id = $.company_id AND l.order_id = $.order_id AND l.product_id = $.product_id)"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ],
        methods: [addOptionToOrder]
    )
}
