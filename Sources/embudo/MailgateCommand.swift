import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `embudo mailgate`: delivers one RFC 5322 message read on standard input, byte for byte, to the service (for a
/// Postfix or Exim pipe transport), through `mail.thread.message_process`, with the gateway's API key.
/// Exits with the codes mail servers understand (sysexits.h): a temporary failure when the service
/// cannot take the message, so that the mail server keeps it and retries.
struct MailgateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailgate",
        abstract: "Deliver one e-mail from standard input to Embudo (for a mail server's pipe transport).",
        discussion: """
            Postfix example (master.cf): embudo unix - n n - - pipe user=embudo argv=/usr/local/bin/embudo mailgate \
            --url http://127.0.0.1:8069 --database embudo --login mailgate
            with the gateway user's API key in EMBUDO_MAILGATE_KEY. Exit codes: 0 delivered, 65 unreadable message,
            67 no such recipient, 75 temporary failure (retry later), 77 refused credentials.
            """
    )

    @Option(help: "The Embudo service's address.") var url = "http://127.0.0.1:8069"
    @Option(help: "The database name clients use.") var database = "embudo"
    @Option(help: "The gateway user's login.") var login = "mailgate"
    @Option(help: "The gateway user's API key (default: $EMBUDO_MAILGATE_KEY).") var apiKey: String?
    @Option(help: "Seconds to wait for the service.") var timeout: Double = 60
    @Option(help: "The largest message accepted, in bytes (sent in base64, it must fit the service's 16 MiB requests).") var maxSize = 10 << 20

    enum Exit: Int32 {
        case dataError = 65, noUser = 67, temporaryFailure = 75, noPermission = 77
    }

    func run() async throws {
        guard let key = apiKey ?? ProcessInfo.processInfo.environment["EMBUDO_MAILGATE_KEY"], !key.isEmpty else {
            FileHandle.standardError.write(Data("mailgate: no API key (--api-key or EMBUDO_MAILGATE_KEY)\n".utf8))
            throw ExitCode(Exit.temporaryFailure.rawValue)
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard input.count <= maxSize else {
            FileHandle.standardError.write(Data("mailgate: message larger than \(maxSize) bytes\n".utf8))
            throw ExitCode(Exit.dataError.rawValue)
        }
        // The exact bytes (8-bit bodies, other charsets), base64 in the JSON request.
        let message = Argument.object(["base64": .string(input.base64EncodedString())])
        do {
            guard let uid = try await call("common", "login", [.string(database), .string(login), .string(key)]) as? Int else {
                FileHandle.standardError.write(Data("mailgate: the gateway's credentials were refused\n".utf8))
                throw ExitCode(Exit.noPermission.rawValue)
            }
            _ = try await call("object", "execute_kw", [
                .string(database), .int(uid), .string(key), .string("mail.thread"), .string("message_process"), .array([.bool(false), message]),
            ])
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("mailgate: \(failure.message)\n".utf8))
            throw ExitCode(failure.exit.rawValue)
        }
    }

    struct Failure: Error {
        var exit: Exit
        var message: String
    }

    enum Argument: Encodable {
        case string(String), int(Int), bool(Bool), array([Argument]), object([String: Argument])
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .int(let value): try container.encode(value)
            case .bool(let value): try container.encode(value)
            case .array(let value): try container.encode(value)
            case .object(let value): try container.encode(value)
            }
        }
    }

    struct Envelope: Encodable {
        struct Params: Encodable { var service: String; var method: String; var args: [Argument] }
        var jsonrpc = "2.0"
        var method = "call"
        var params: Params
        var id = 1
    }

    /// One JSON-RPC call; service outages and server errors are temporary failures.
    func call(_ service: String, _ method: String, _ args: [Argument]) async throws -> Any? {
        guard let endpoint = URL(string: url.hasSuffix("/") ? url + "jsonrpc" : url + "/jsonrpc") else {
            throw Failure(exit: .temporaryFailure, message: "invalid --url \(url)")
        }
        var request = URLRequest(url: endpoint, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(Envelope(params: .init(service: service, method: method, args: args)))
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw Failure(exit: .temporaryFailure, message: "the service cannot be reached: \(error.localizedDescription)")
        }
        guard (response as? HTTPURLResponse)?.statusCode == 200,
              let reply = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(exit: .temporaryFailure, message: "the service answered with an error")
        }
        if let error = reply["error"] as? [String: Any] {
            let details = error["data"] as? [String: Any]
            let name = details?["name"] as? String ?? ""
            let text = details?["message"] as? String ?? "error"
            switch name {
            case "odoo.exceptions.AccessDenied": throw Failure(exit: .noPermission, message: text)
            case "odoo.exceptions.ValidationError": throw Failure(exit: .dataError, message: text)
            case "odoo.exceptions.UserError": throw Failure(exit: .noUser, message: text)
            case "odoo.exceptions.AccessError": throw Failure(exit: .noPermission, message: text)
            default: throw Failure(exit: .temporaryFailure, message: text)
            }
        }
        return reply["result"]
    }
}
