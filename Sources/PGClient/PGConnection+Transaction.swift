import CLibPQ

extension PGConnection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// `BEGIN` and the `prelude` statements (a tenant context, a statement timeout) are not sent on their
    /// own: they travel in one pipeline with the body's first statement, so a transaction with one
    /// statement costs two round trips (that batch, then `COMMIT`). A body that runs no statement sends
    /// nothing.
    ///
    /// A body that catches a statement's error and carries on leaves the transaction failed; PostgreSQL
    /// then turns `COMMIT` into a rollback, and this method throws rather than report success.
    ///
    /// - Parameters:
    ///   - prelude: statements run right after `BEGIN`, before the body's.
    ///   - readOnly: `BEGIN READ ONLY`.
    ///   - body: the work; it runs synchronously on this connection's thread.
    @discardableResult
    public func transaction<T>(
        prelude: [PGQuery] = [],
        readOnly: Bool = false,
        _ body: (PGConnection) throws -> T
    ) throws -> T {
        guard !isInTransaction && deferred.isEmpty else {
            throw PGError(.client, message: "a transaction is already open on this connection")
        }
        deferred = [readOnly ? "BEGIN READ ONLY" : "BEGIN"] + prelude
        let value: T
        do {
            value = try body(self)
        } catch {
            deferred = []
            rollbackQuietly()
            throw error
        }
        if !deferred.isEmpty {
            // The body ran no statement: there is nothing to commit.
            deferred = []
            return value
        }
        try commit()
        return value
    }

    /// Runs one statement in its own transaction, `BEGIN`, prelude, statement and `COMMIT` in a single
    /// round trip.
    ///
    /// - Returns: the statement's result.
    @discardableResult
    public func transaction(prelude: [PGQuery] = [], readOnly: Bool = false, single query: PGQuery) throws(PGError) -> PGResult {
        guard !isInTransaction && deferred.isEmpty else {
            throw PGError(.client, message: "a transaction is already open on this connection")
        }
        let batch: [PGQuery] = [readOnly ? "BEGIN READ ONLY" : "BEGIN"] + prelude + [query, "COMMIT"]
        let results: [PGResult]
        do {
            results = try pipeline(batch)
        } catch {
            rollbackQuietly()
            var error = error
            // COMMIT was in flight: unless the transaction only read, nobody knows whether it committed.
            if error.code == .connectionLost && !readOnly { error.outcomeUnknown = true }
            throw error
        }
        try checkCommitted(results[results.count - 1])
        return results[results.count - 2]
    }

    /// Sends `COMMIT` and checks that the transaction really committed.
    private func commit() throws(PGError) {
        let result: PGResult
        do {
            result = try execute("COMMIT")
        } catch {
            rollbackQuietly()
            var error = error
            if error.code == .connectionLost { error.outcomeUnknown = true }
            throw error
        }
        try checkCommitted(result)
    }

    private func checkCommitted(_ result: PGResult) throws(PGError) {
        let tag = String(cString: PQcmdStatus(result.handle))
        if tag == "ROLLBACK" {
            throw PGError(.server, message: "the transaction failed earlier and was rolled back instead of committed")
        }
    }

    /// Rolls back an open transaction, ignoring errors (the connection may be broken).
    public func rollbackQuietly() {
        deferred = []
        guard isConnected, transactionStatus != PQTRANS_IDLE else { return }
        _ = try? execute("ROLLBACK")
    }
}
