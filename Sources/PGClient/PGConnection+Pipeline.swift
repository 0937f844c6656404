import CLibPQ

extension PGConnection {
    /// The most statements sent before one sync, so that client memory stays bounded.
    static let pipelineBatchLimit = 1000

    /// Runs several statements in libpq's pipeline mode: all are sent before any answer is read, so the
    /// batch costs one network round trip instead of one per statement.
    ///
    /// Statements run in order. When one fails, PostgreSQL skips the rest of its batch; the first error is
    /// thrown after the batch is read to the end. Outside an explicit transaction, the statements sent
    /// before one sync (up to ``pipelineBatchLimit``) form one implicit transaction, so a failure undoes
    /// the whole batch; inside one, a failure leaves the transaction failed, as any failing statement does.
    ///
    /// - Returns: one result per statement, in order.
    public func pipeline(_ queries: [PGQuery]) throws(PGError) -> [PGResult] {
        if !deferred.isEmpty {
            let batch = deferred + queries
            deferred = []
            return Array(try pipeline(batch).suffix(queries.count))
        }
        guard !queries.isEmpty else { return [] }
        var results: [PGResult] = []
        results.reserveCapacity(queries.count)
        var start = 0
        while start < queries.count {
            let end = min(start + Self.pipelineBatchLimit, queries.count)
            results += try runPipelineBatch(queries[start..<end])
            start = end
        }
        return results
    }

    /// Sets the plan cache to plan each statement for its values, keeping the setting it replaces, for
    /// the transaction (an explicit one, or the implicit one up to the batch's sync).
    static let customPlans: PGQuery = """
        SELECT set_config('pgclient.plan_cache_mode', current_setting('plan_cache_mode'), true), \
        set_config('plan_cache_mode', 'force_custom_plan', true)
        """
    /// Puts the plan cache setting back for the rest of the transaction.
    static let defaultPlans: PGQuery = "SELECT set_config('plan_cache_mode', current_setting('pgclient.plan_cache_mode'), true)"

    private func runPipelineBatch(_ queries: ArraySlice<PGQuery>) throws(PGError) -> [PGResult] {
        // A statement planned for its values is sent unnamed, between two settings of plan_cache_mode:
        // a role or database default of force_generic_plan would plan even an unnamed statement once for
        // every value. The settings are the transaction's own (explicit, or the implicit one up to the
        // sync): whatever fails, its end undoes them.
        guard !queries.contains(where: \.plannedPerExecution) else {
            var expanded: [PGQuery] = []
            var positions: [Int] = []
            for var query in queries {
                guard query.plannedPerExecution else {
                    positions.append(expanded.count)
                    expanded.append(query)
                    continue
                }
                query.plannedPerExecution = false
                query.sentUnnamed = true
                expanded.append(Self.customPlans)
                positions.append(expanded.count)
                expanded += [query, Self.defaultPlans]
            }
            let results = try runPipelineBatch(expanded[...])
            return positions.map { results[$0] }
        }
        // Refuse bad parameters before anything is sent, so that a batch is never sent half.
        for query in queries {
            for case let parameter? in query.parameters where parameter.utf8.contains(0) {
                throw PGError(.invalidInput, message: "a text parameter contains a NUL character, which PostgreSQL cannot store")
            }
        }
        if options.preparedStatements && preparedNames.count + queries.count > options.preparedStatementLimit {
            try execute("DEALLOCATE ALL")
            preparedNames = [:]
        }
        guard PQenterPipelineMode(handle) == 1 else {
            throw PGError(.client, message: "cannot enter pipeline mode: " + String(cString: PQerrorMessage(handle)))
        }
        // Statements prepared in this batch: their prepare results come first and are checked before
        // the name is remembered.
        var preparing: [(sql: String, name: String)] = []
        var expectsPrepareResult: [Bool] = []
        var sendError: PGError?
        for query in queries {
            do throws(PGError) {
                let sent: Int32
                if options.preparedStatements && !query.sentUnnamed {
                    var name = preparedNames[query.sql] ?? preparing.first(where: { $0.sql == query.sql })?.name
                    var prepared = false
                    if name == nil {
                        nextStatementNumber += 1
                        let newName = "embudo_\(nextStatementNumber)"
                        guard PQsendPrepare(handle, newName, query.sql, 0, nil) == 1 else { throw connectionError() }
                        preparing.append((query.sql, newName))
                        name = newName
                        prepared = true
                    }
                    expectsPrepareResult.append(prepared)
                    sent = try withParameters(query.parameters) { count, values in
                        PQsendQueryPrepared(handle, name!, count, values, nil, nil, 0)
                    }
                } else {
                    expectsPrepareResult.append(false)
                    sent = try withParameters(query.parameters) { count, values in
                        PQsendQueryParams(handle, query.sql, count, nil, values, nil, nil, 0)
                    }
                }
                guard sent == 1 else { throw connectionError() }
            } catch {
                sendError = error
                break
            }
        }
        let synced = PQpipelineSync(handle) == 1

        var results: [PGResult] = []
        var firstError: PGError? = sendError
        var preparedIndex = 0
        if synced {
            for expectsPrepare in expectsPrepareResult {
                if expectsPrepare {
                    let (prepare, prepareError) = nextResult()
                    if let prepareError {
                        firstError = firstError ?? prepareError
                    } else if prepare != nil {
                        let entry = preparing[preparedIndex]
                        preparedNames[entry.sql] = entry.name
                    }
                    preparedIndex += 1
                }
                let (result, error) = nextResult()
                if let error { firstError = firstError ?? error }
                if let result { results.append(result) }
                if !isConnected { break }
            }
            if isConnected {
                // The sync marker.
                if let marker = PQgetResult(handle) { PQclear(marker) }
            }
        }
        if PQexitPipelineMode(handle) != 1 {
            // Only possible when results are left unread, i.e. the connection broke half way.
            firstError = firstError ?? connectionError()
        }
        if let firstError { throw firstError }
        guard results.count == queries.count else { throw connectionError() }
        return results
    }

    /// Reads one statement's result in pipeline mode and the NULL that ends it.
    private func nextResult() -> (PGResult?, PGError?) {
        guard let raw = PQgetResult(handle) else { return (nil, connectionError()) }
        let result = PGResult(handle: raw)
        var error: PGError?
        switch PQresultStatus(raw) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            break
        case PGRES_PIPELINE_ABORTED:
            error = PGError(.server, message: "statement skipped after an earlier error in the pipeline")
        default:
            error = self.error(from: result)
        }
        // Each statement's results end with a NULL.
        while let extra = PQgetResult(handle) { PQclear(extra) }
        return (result, error)
    }
}
