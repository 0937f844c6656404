import CoreMetrics
import Synchronization

/// A monotonically increasing value (swift-metrics counters of both kinds).
final class PrometheusCounter: CounterHandler, FloatingPointCounterHandler, Sendable {
    private let storage = Mutex<Double>(0)

    var value: Double { storage.withLock { $0 } }

    func increment(by amount: Int64) { increment(by: Double(amount)) }
    func increment(by amount: Double) {
        guard amount > 0 else { return }
        storage.withLock { $0 += amount }
    }
    func reset() { storage.withLock { $0 = 0 } }
}

/// The last value set (swift-metrics meters and recorders).
final class PrometheusGauge: MeterHandler, RecorderHandler, Sendable {
    private let storage = Mutex<Double>(0)

    var value: Double { storage.withLock { $0 } }

    func set(_ value: Int64) { set(Double(value)) }
    func set(_ value: Double) { storage.withLock { $0 = value } }
    func increment(by amount: Double) { storage.withLock { $0 += amount } }
    func decrement(by amount: Double) { storage.withLock { $0 -= amount } }
    func record(_ value: Int64) { set(value) }
    func record(_ value: Double) { set(value) }
}

/// Durations counted into fixed buckets, in seconds (swift-metrics timers).
final class PrometheusHistogram: TimerHandler, Sendable {
    struct State {
        /// Cumulative counts: `counts[i]` is the number of observations ≤ `buckets[i]`.
        var counts: [UInt64]
        var count: UInt64 = 0
        var sum: Double = 0
    }

    let buckets: [Double]
    private let storage: Mutex<State>

    init(buckets: [Double]) {
        self.buckets = buckets
        self.storage = Mutex(State(counts: Array(repeating: 0, count: buckets.count)))
    }

    var snapshot: State { storage.withLock { $0 } }

    func recordNanoseconds(_ duration: Int64) {
        let seconds = Double(max(0, duration)) / 1_000_000_000
        storage.withLock { state in
            for index in buckets.indices where seconds <= buckets[index] { state.counts[index] += 1 }
            state.count += 1
            state.sum += seconds
        }
    }
}
