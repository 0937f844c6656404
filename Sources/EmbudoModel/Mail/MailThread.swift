import EmbudoDatabase
import EmbudoMIME
import Foundation
import PGClient

/// The mail gateway's entry (Odoo's `mail.thread.message_process(model, message)`): one raw RFC 5322
/// message, parsed here, routed by PostgreSQL (sql/modules/crm/mail_gateway.sql) in the company whose
/// domain it was sent to, acting as the caller (the gateway's user, a member of that company).
public enum MailThread {
    /// `mail.thread`: methods only, no records.
    public static let model = ModelDescription(
        name: "mail.thread", table: "", kind: .abstract, fields: [], methods: [messageProcess]
    )

    /// What the gateway did with a message.
    public enum GatewayOutcome: String, Sendable {
        case created, posted, duplicate, bounce, refused
    }

    static let messageProcess = ModelMethod(
        "message_process", ["model", "message", "custom_values", "save_original", "strip_attachments", "thread_id"],
        writes: true, tenancy: .identity
    ) { call in
        let user = call.user, database = call.database
        // The message as text (Odoo's str), or its exact bytes as {"base64": …} (what Odoo's XML-RPC
        // Binary carries: 8-bit and binary mail, which JSON text cannot hold, arrives unchanged).
        let bytes: [UInt8]
        switch call.arguments["message"] {
        case .string(let text)?:
            bytes = Array(text.utf8)
        case .object(let members)?:
            guard let encoded = members["base64"]?.stringValue, let data = Data(base64Encoded: encoded) else {
                throw ModelError.validation("message_process expects the message's bytes as {\"base64\": \"…\"}")
            }
            bytes = [UInt8](data)
        default:
            throw ModelError.validation("message_process expects the message as text, or its bytes as {\"base64\": \"…\"}")
        }
        let message: InboundMessage
        do {
            message = try InboundParser.parse(bytes)
        } catch {
            throw ModelError.validation("The message cannot be read: \(error)")
        }
        let recipients = (message.to + message.cc + message.deliveredTo).map(\.address)
        // Only the caller's own companies (as they are now, not as cached): whether another company holds
        // a domain is none of the caller's business, so it answers as an unknown domain does.
        let candidates = try await database.withoutTenant { connection in
            try connection.query(GatewaySQL.resolve(recipients, user: user.id)).map { try $0.decode((Int, String).self) }
        }
        guard let first = candidates.first else {
            throw ModelError(.user, "None of your companies receives mail for \(recipients.joined(separator: ", ")): unknown domain.")
        }
        // The first recipient that is a team's alias in its company, else the first company: looked up
        // acting in those companies.
        let companies = candidates.reduce(into: [Int]()) { list, candidate in
            if !list.contains(candidate.0) { list.append(candidate.0) }
        }
        let candidatesTenant = try ModelService.tenant(for: user, context: ["allowed_company_ids": .array(companies.map(JSONValue.int))])
        let aliased = try await database.transaction(as: candidatesTenant, readOnly: true) { connection in
            try connection.query(GatewaySQL.alias(candidates, companies: companies)).map { try $0.decode((Int, Int).self) }.first
        }
        let (company, team): (Int, Int?) = aliased.map { ($0.0, $0.1) } ?? (first.0, nil)
        let tenant = try ModelService.tenant(for: user, context: ["allowed_company_ids": [.int(company)]])
        let payload = gatewayPayload(message)
        let attachments: JSONValue = .array(message.attachments.map { attachment in
            ["filename": .string(attachment.filename), "content_type": .string(attachment.contentType),
             "content_id": attachment.contentID.map(JSONValue.string) ?? .null, "data": .string(Hex.encode(attachment.data))]
        })
        let outcome = try await database.transaction(as: tenant) { connection -> JSONValue in
            let result = try JSONValue(jsonText: try connection.query(GatewaySQL.route(team: team, message: payload.jsonText))[0].decode(String.self, at: 0))
            if let model = result["model"]?.stringValue, let record = result["res_id"]?.intValue, let posted = result["message"]?.intValue,
               !message.attachments.isEmpty {
                _ = try connection.query(GatewaySQL.attach(model: model, record: record, message: posted, attachments: attachments.jsonText))
            }
            return result
        }
        return .value(outcome["res_id"] ?? false)
    }

    static func gatewayPayload(_ message: InboundMessage) -> JSONValue {
        func list(_ addresses: [MailAddress]) -> String { addresses.map(\.description).joined(separator: ", ") }
        var payload: [String: JSONValue] = [
            "subject": .string(message.subject), "from": message.from.map { .string($0.description) } ?? .null,
            "to": .string(list(message.to)), "cc": .string(list(message.cc)), "body": .string(message.bodyHTML),
            "references": .array(message.references.map(JSONValue.string)), "is_bounce": .bool(message.isBounce),
        ]
        payload["message_id"] = message.messageID.map(JSONValue.string) ?? .null
        payload["in_reply_to"] = message.inReplyTo.map(JSONValue.string) ?? .null
        payload["priority"] = message.priority.map(JSONValue.string) ?? .null
        payload["text"] = message.textBody.map(JSONValue.string) ?? .null
        payload["bounced_recipient"] = message.bouncedRecipient.map(JSONValue.string) ?? .null
        payload["bounced_message_id"] = message.bouncedMessageID.map(JSONValue.string) ?? .null
        return .object(payload)
    }
}

/// The SQL of the mail gateway.
enum GatewaySQL {
    static func resolve(_ addresses: [String], user: Int) -> PGQuery {
        """
        SELECT r.company_id, r.local_part FROM embudo.mail_resolve(\(addresses)::text[]) r
        WHERE r.company_id = ANY ((embudo.member_grants(\(user), ARRAY[r.company_id])).own)
        ORDER BY r.ordinal
        """
    }
    /// The first of `candidates` (company, local part) that is an active team's alias: (company, team).
    static func alias(_ candidates: [(Int, String)], companies: [Int]) -> PGQuery {
        """
        SELECT t.company_id, t.id
        FROM unnest(\(candidates.map(\.0))::int[], \(candidates.map(\.1))::text[]) WITH ORDINALITY a (company_id, alias_name, position)
        JOIN crm_team t ON t.company_id = a.company_id AND t.alias_name = a.alias_name AND t.active
        WHERE t.company_id = ANY (\(companies)::int[])
        ORDER BY a.position
        LIMIT 1
        """
    }
    static func route(team: Int?, message: String) -> PGQuery { "SELECT embudo.mail_gateway(\(team)::int, \(message)::jsonb)::text" }
    static func attach(model: String, record: Int, message: Int, attachments: String) -> PGQuery {
        "SELECT embudo.mail_gateway_attach(\(model), \(record), \(message), \(attachments)::jsonb)"
    }
}
