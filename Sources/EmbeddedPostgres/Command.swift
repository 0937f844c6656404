import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion and captures its output, with `posix_spawn` and `waitpid` (Foundation's
/// `Process` can miss the exit of a child when several run at once).
enum Command {
    private static let spawnLock = Mutex(())

    /// Runs `program` (a path, or a name looked up in `PATH`) and returns its standard output.
    ///
    /// - Throws: ``EmbeddedPostgresError`` with the program's standard error when it exits non-zero.
    static func output(_ program: String, _ arguments: [String], quiet: Bool = false) throws(EmbeddedPostgresError) -> String {
        var pipeEnds: [Int32] = [0, 0]
        // Standard error goes to a file, so that neither stream can fill a pipe and block the program.
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("embudo-\(UUID().uuidString).err").path
        defer { unlink(errorPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        // The child starts with no blocked signals and default handlers, whatever the spawning thread
        // had (runtime threads block signals, and pgbench -T needs SIGALRM).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGALRM, SIGINT, SIGTERM, SIGCHLD, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        // The pipe is made close-on-exec, and made and handed out under one lock, so that a program
        // spawned at the same time by another thread (a postmaster that lives on) cannot inherit its
        // write end and keep the read below from ever seeing the end.
        let spawned: Int32 = spawnLock.withLock { _ in
            guard pipe(&pipeEnds) == 0 else { return errno }
            _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            let result = program.contains("/")
                ? posix_spawn(&pid, program, &actions, &attributes, argv, environ)
                : posix_spawnp(&pid, program, &actions, &attributes, argv, environ)
            close(pipeEnds[1])
            return result
        }
        guard spawned == 0 else {
            close(pipeEnds[0])
            throw EmbeddedPostgresError("cannot run \(program): \(String(cString: strerror(spawned)))")
        }

        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
            if count > 0 {
                output.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(pipeEnds[0])

        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let exitCode = (status >> 8) & 0xff
        guard exited && exitCode == 0 else {
            if quiet { throw EmbeddedPostgresError("exit \(exitCode)") }
            let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            let detail = errorText.isEmpty ? String(decoding: output, as: UTF8.self) : errorText
            throw EmbeddedPostgresError(detail.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
