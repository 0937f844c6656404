import Foundation
import Testing

extension Tag {
    /// Long-running suites (fuzzers, the isolation property test): `EMBUDO_FAST=1` (or `scripts/test
    /// --fast`) leaves them out; `scripts/test` and CI run them.
    @Tag static var slow: Self
}

/// Whether this run includes the slow suites.
enum SlowTests {
    static let enabled = ProcessInfo.processInfo.environment["EMBUDO_FAST"] == nil
}
