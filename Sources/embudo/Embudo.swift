import ArgumentParser

/// The `embudo` command: run the service and administer its database.
@main
struct Embudo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embudo",
        abstract: "Embudo, a multi-tenant CRM on PostgreSQL with an Odoo-compatible API.",
        subcommands: [Serve.self, Migrate.self, CompanyCommand.self, UserCommand.self, BIRoleCommand.self, DemoCommand.self, MailgateCommand.self, BackupCommand.self, RestoreCommand.self],
        defaultSubcommand: Serve.self
    )
}
