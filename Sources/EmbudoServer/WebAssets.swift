import Foundation

/// The web client's files (`web/` of the checkout), read once when the server starts: only the files
/// found then are ever served, so no request path can reach outside the folder.
public struct WebAssets: Sendable {
    /// One file ready to serve.
    public struct Asset: Sendable {
        /// The file's bytes.
        public let bytes: [UInt8]
        /// Its media type, from the extension.
        public let contentType: String
        /// A strong validator of the bytes (for `If-None-Match`).
        public let etag: String
    }

    /// The files by path relative to the web root (`index.html`, `js/rpc.js`).
    public let files: [String: Asset]

    /// No web client: every asset request answers 404.
    public static let empty = WebAssets(files: [:])

    init(files: [String: Asset]) { self.files = files }

    /// Reads every servable file under `root` (hidden files and unknown extensions are left out).
    public init(root: String) throws(WebAssetsError) {
        let base = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw WebAssetsError("cannot read the web client's folder \(root)")
        }
        var files: [String: Asset] = [:]
        for case let url as URL in walker {
            let file = url.standardizedFileURL.resolvingSymlinksInPath()
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  file.path.hasPrefix(base.path + "/"),
                  let type = Self.contentTypes[file.pathExtension.lowercased()],
                  let data = FileManager.default.contents(atPath: file.path)
            else { continue }
            let relative = String(file.path.dropFirst(base.path.count + 1))
            let bytes = [UInt8](data)
            files[relative] = Asset(bytes: bytes, contentType: type, etag: "\"\(Self.fingerprint(bytes))\"")
        }
        guard files["index.html"] != nil else { throw WebAssetsError("\(root) has no index.html") }
        self.files = files
    }

    /// Finds the web root: `--web-root`, else `$EMBUDO_WEB_ROOT`, else `./web`, else `web/` in a parent of
    /// the running executable's folder (a build tree), else `/usr/share/embudo/web`.
    public static func locate(
        configured: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        if let configured { return configured }
        var candidates: [String] = []
        if let variable = environment["EMBUDO_WEB_ROOT"], !variable.isEmpty { candidates.append(variable) }
        candidates.append(FileManager.default.currentDirectoryPath + "/web")
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent("web").path)
            folder = folder.deletingLastPathComponent()
        }
        candidates.append("/usr/share/embudo/web")
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/index.html") }
    }

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "css": "text/css; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "ico": "image/x-icon",
        "json": "application/json", "webmanifest": "application/manifest+json", "txt": "text/plain; charset=utf-8",
        "woff2": "font/woff2",
    ]

    /// FNV-1a (64 bits) of the bytes, in hex: enough to tell versions of a file apart.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16) + "-" + String(bytes.count, radix: 16)
    }
}

/// Why the web client's files could not be loaded.
public struct WebAssetsError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in words an operator can act on.
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
