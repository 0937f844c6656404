/// The `crm` module: the pipeline (leads and opportunities, stages, teams, tags, lost reasons, UTM) and
/// its dialogs (sql/modules/crm/).
public enum CRMModule {
    public static let module = ModelModule("crm", models: [
        CRMLead.model, CRMStage.model, CRMTeam.model, CRMTag.model, CRMLostReason.model, UTM.campaign, UTM.medium, UTM.source,
        CRMLeadLost.model, CRMLead2Opportunity.model, CRMLead2Opportunity.mass, CRMMergeOpportunity.model, CRMSettings.model,
    ])
}
