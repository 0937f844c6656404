import PGClient

/// Opens single connections for commands (migrate, administration) with the same options as the pool.
public enum PGConnectionFactory {
    /// Opens a connection; server notices are dropped.
    public static func open(_ conninfo: String) throws -> PGConnection {
        try PGConnection(conninfo: conninfo)
    }
}
