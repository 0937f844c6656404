import NIOCore
import NIOSSL
import Synchronization

/// Something to send to the server and the promise of its reply: a command with its CRLF, or the
/// dot-stuffed content of DATA.
struct SMTPRequest: Sendable {
    var payload: ByteBuffer
    var stage: SMTPStage
    var reply: EventLoopPromise<SMTPReply>
}

/// Why a connection failed first, kept where the connection can read it after the channel (and its
/// handler) is gone: a write to a closed channel then reports the cause, not "I/O on closed channel".
final class SMTPConnectionFailure: Sendable {
    private let error = Mutex<SMTPError?>(nil)

    /// The first failure, if any.
    var value: SMTPError? { error.withLock { $0 } }

    /// Records `failure` unless one was recorded before.
    func record(_ failure: SMTPError) {
        error.withLock { if $0 == nil { $0 = failure } }
    }
}

/// The SMTP client's channel handler: frames the server's bytes into lines and replies, and pairs each
/// reply with the oldest request still waiting for one (the first of them waits for the greeting).
///
/// A reply that nobody waits for is a protocol violation (and so is data after STARTTLS's reply, which
/// ``hasBufferedInput`` lets the connection check before it starts TLS). Every waiting request fails when
/// the connection breaks, or when the server has not answered the oldest within `timeout`.
final class SMTPChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    /// Longest reply line we accept (RFC 5321 allows 512 octets).
    static let maxLineLength = 4096

    private var waiting = CircularBuffer<(stage: SMTPStage, reply: EventLoopPromise<SMTPReply>)>()
    private var input = ByteBuffer()
    private var parser = SMTPReplyParser()
    private var failure: SMTPError?
    private let firstFailure: SMTPConnectionFailure
    private var timer: Scheduled<Void>?
    private let timeout: TimeAmount

    /// A handler whose first reply is the server's greeting, fulfilling `greeting`.
    init(greeting: EventLoopPromise<SMTPReply>, timeout: TimeAmount, failure: SMTPConnectionFailure) {
        self.timeout = timeout
        self.firstFailure = failure
        waiting.append((.greeting, greeting))
    }

    /// Whether bytes of a reply have arrived that no request has taken yet.
    var hasBufferedInput: Bool {
        input.readableBytes > 0 || parser.isInsideReply
    }

    func channelActive(context: ChannelHandlerContext) {
        restartTimer(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        input.writeBuffer(&bytes)
        do {
            while let line = try nextLine() {
                guard let reply = try parser.feed(line) else { continue }
                guard let request = waiting.popFirst() else {
                    throw SMTPError.protocolViolation("unexpected reply: \(reply)")
                }
                request.reply.succeed(reply)
                restartTimer(context: context)
            }
        } catch {
            fail(context: context, with: error as? SMTPError ?? .protocolViolation(String(describing: error)))
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let failure {
            request.reply.fail(failure)
            promise?.fail(failure)
            return
        }
        waiting.append((request.stage, request.reply))
        if waiting.count == 1 { restartTimer(context: context) }
        context.write(wrapOutboundOut(request.payload), promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let mapped: SMTPError
        switch error {
        case let error as SMTPError: mapped = error
        case let error as NIOSSLError: mapped = .tls(String(describing: error))
        case let error as BoringSSLError: mapped = .tls(String(describing: error))
        case let error as NIOSSLExtraError: mapped = .tls(String(describing: error))
        default: mapped = .connectionFailed(String(describing: error))
        }
        fail(context: context, with: mapped)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(.connectionFailed("the server closed the connection"))
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        failAll(.connectionFailed("the connection was closed"))
    }

    /// The next complete line without its line ending, nil when none is complete yet.
    private func nextLine() throws(SMTPError) -> String? {
        guard let newline = input.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if input.readableBytes > Self.maxLineLength { throw .protocolViolation("reply line too long") }
            return nil
        }
        let length = newline - input.readerIndex
        guard var line = input.readString(length: length) else { return nil }
        input.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        input.discardReadBytes()
        return line
    }

    private func restartTimer(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        guard let stage = waiting.first?.stage else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            fail(context: context, with: .timeout(stage))
        }
    }

    private func fail(context: ChannelHandlerContext, with error: SMTPError) {
        failAll(error)
        context.close(promise: nil)
    }

    private func failAll(_ error: SMTPError) {
        if failure == nil {
            failure = error
            firstFailure.record(error)
        }
        timer?.cancel()
        timer = nil
        while let request = waiting.popFirst() {
            request.reply.fail(failure ?? error)
        }
    }
}
