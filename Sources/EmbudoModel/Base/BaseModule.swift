/// The `base` module: companies, users and their invitations, contacts, reference data, the model
/// catalogue (sql/modules/base/).
public enum BaseModule {
    public static let module = ModelModule("base", models: [
        ResCompany.model, ResUsers.model, ResUsersInvitation.model, ResPartner.model, ResPartner.category, ResPartner.title,
        ReferenceData.currency, ReferenceData.country, ReferenceData.countryState, ReferenceData.lang, IrModel.model, IrModel.fields, IrModel.data,
    ])
}
