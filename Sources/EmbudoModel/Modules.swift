extension ModelRegistry {
    /// The models of every business module, in dependency order (as `sql/modules/manifest.txt` applies
    /// their SQL): each module's models, then what it adds to the models of the modules before it.
    public static let standard = ModelRegistry(modules: standardModules)

    /// Every business module, in dependency order.
    public static let standardModules: [ModelModule] = [
        BaseModule.module, MailModule.module, CRMModule.module, ActivitiesModule.module, SaleModule.module, CalendarModule.module,
        ReportsModule.module,
    ]
}
