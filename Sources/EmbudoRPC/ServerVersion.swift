import EmbudoModel

/// The version Embudo reports to Odoo clients. Its major number (17) is at least 10, so clients such as
/// odoorpc take their stateless path (credentials with every call, no cookie).
public enum ServerVersion {
    /// The `common.version` answer (also `/web/webclient/version_info`).
    public static let info: JSONValue = [
        "server_version": "17.0",
        "server_version_info": [17, 0, 0, "final", 0, ""],
        "server_serie": "17.0",
        "protocol_version": 1,
    ]

    /// `db.server_version`.
    public static let serverVersion: JSONValue = "17.0"
}
