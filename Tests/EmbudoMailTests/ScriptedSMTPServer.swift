import EmbudoMIME
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A real SMTP server on a local TCP port that answers each command as a test's script says, and
/// records what it received. Not a mock of the client: the client under test speaks to it over TCP.
final class ScriptedSMTPServer: Sendable {
    /// What the server saw: every command line, and the content of each DATA (dot-stuffed, as sent).
    final class Recording: Sendable {
        let commands = Mutex<[String]>([])
        let data = Mutex<[String]>([])
    }

    let recording: Recording
    private let channel: any Channel

    /// The port it listens on.
    var port: Int { channel.localAddress?.port ?? 0 }
    /// The command lines received, in order.
    var commands: [String] { recording.commands.withLock { $0 } }
    /// The DATA contents received, each up to (not including) the final dot line.
    var data: [String] { recording.data.withLock { $0 } }

    /// Starts the server. `greeting` is sent on connection (nil: never, to test timeouts); `respond`
    /// answers each command line, and `"."` for the end of DATA, with the reply's text (lines separated
    /// by CRLF, without the final one). With `tls`, the server starts TLS after a 220 reply to STARTTLS
    /// (recorded as the command `<TLS>`), or from the first byte when `implicitTLS`.
    init(
        greeting: String? = "220 scripted.test ESMTP", tls: NIOSSLContext? = nil, implicitTLS: Bool = false,
        respond: @escaping @Sendable (String) -> String
    ) async throws {
        let recording = Recording()
        self.recording = recording
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS, let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try channel.pipeline.syncOperations.addHandler(
                        ScriptHandler(greeting: greeting, tls: implicitTLS ? nil : tls, respond: respond, recording: recording)
                    )
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
    }

    func stop() async {
        try? await channel.close()
    }
}

/// One connection of ``ScriptedSMTPServer``.
private final class ScriptHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let greeting: String?
    let tls: NIOSSLContext?
    let respond: @Sendable (String) -> String
    let recording: ScriptedSMTPServer.Recording
    var buffer = ByteBuffer()
    var inData = false
    var content = ""

    init(greeting: String?, tls: NIOSSLContext?, respond: @escaping @Sendable (String) -> String, recording: ScriptedSMTPServer.Recording) {
        self.greeting = greeting
        self.tls = tls
        self.respond = respond
        self.recording = recording
    }

    func channelActive(context: ChannelHandlerContext) {
        if let greeting { reply(context, greeting) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        buffer.writeBuffer(&bytes)
        while let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")),
              let line = buffer.readString(length: newline - buffer.readerIndex + 1) {
            // "\r\n" is one Character: drop the last one, whichever ending it is.
            let text = String(line.dropLast())
            if inData {
                if text == "." {
                    inData = false
                    let received = content
                    recording.data.withLock { $0.append(received) }
                    content = ""
                    reply(context, respond("."))
                } else {
                    content += text + "\r\n"
                }
                continue
            }
            recording.commands.withLock { $0.append(text) }
            let answer = respond(text)
            if text.uppercased() == "DATA", answer.hasPrefix("354") { inData = true }
            reply(context, answer)
            if text.uppercased() == "QUIT" { context.close(promise: nil) }
            if text.uppercased() == "STARTTLS", answer.hasPrefix("220"), let tls {
                // The reply went out in plain text; what follows is TLS.
                do {
                    try context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
                    recording.commands.withLock { $0.append("<TLS>") }
                } catch {
                    context.close(promise: nil)
                }
            }
        }
        buffer.discardReadBytes()
    }

    private func reply(_ context: ChannelHandlerContext, _ text: String) {
        guard !text.isEmpty else { return }
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
    }
}

/// A well-behaved server's answers, for scripts to start from.
func standardReply(_ command: String, extensions: [String] = ["PIPELINING", "8BITMIME"]) -> String {
    let verb = command.split(separator: " ").first.map { $0.uppercased() } ?? ""
    switch verb {
    case "EHLO":
        let lines = ["scripted.test greets you"] + extensions
        return lines.enumerated().map { index, text in "250" + (index == lines.count - 1 ? " " : "-") + text }.joined(separator: "\r\n")
    case "HELO", "MAIL", "RCPT", "RSET", "NOOP", ".": return "250 OK"
    case "DATA": return "354 End data with <CR><LF>.<CR><LF>"
    case "QUIT": return "221 Bye"
    default: return "502 5.5.2 Command not recognized"
    }
}
