/// What quotations are paid and taxed with: taxes, payment terms and their lines, and the CFDI 3.3
/// catalogue of payment forms (`account.tax`, `account.payment.term`, `account.payment.term.line`,
/// `l10n_mx_edi.payment.method`).
public enum AccountTerms {
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

    public static let paymentMethod = ModelDescription(
        name: "l10n_mx_edi.payment.method", table: "l10n_mx_edi_payment_method", order: "code", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("code", .char, string: "Code", required: true),
        ]
    )
}
