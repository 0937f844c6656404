/// The `sale` module: products, pricelists, taxes and payment terms, quotations and orders with their
/// lines and optional products, and what it adds to opportunities and teams (sql/modules/sale/).
public enum SaleModule {
    public static let module = ModelModule(
        "sale",
        models: [
            Product.uom, Product.uomCategory, AccountTerms.tax, AccountTerms.paymentTerm, AccountTerms.paymentTermLine, Product.category,
            Product.model, Pricelist.model, Pricelist.item, SaleOrder.model, SaleOrder.line, SaleOrder.option, AccountTerms.paymentMethod,
            CRMQuotationPartner.model, MailComposer.model,
        ],
        extensions: [
            ModelExtension("crm.lead", fields: CRMLeadQuotations.fields, methods: [CRMLeadQuotations.newQuotation, CRMLeadQuotations.quotationsNew]),
            ModelExtension("crm.team", fields: CRMTeamQuotations.teamFields),
        ]
    )
}
