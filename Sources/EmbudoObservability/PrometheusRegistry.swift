import CoreMetrics
import Synchronization

/// A swift-metrics backend that keeps every series in memory and renders them in Prometheus' text
/// exposition format (version 0.0.4) for `GET /metrics`.
///
/// - Counters and floating-point counters become Prometheus counters.
/// - Meters and recorders become gauges (the last value set).
/// - Timers become histograms in seconds with ``defaultBuckets`` (the label should end in `_seconds`).
///
/// Thread-safe. Bootstrap one instance as the process' `MetricsSystem` factory in production; tests make
/// their own instance and hand it to the code under test, so that parallel tests never share series.
public final class PrometheusRegistry: MetricsFactory, Sendable {
    /// The histogram buckets of timers, in seconds: 0.5 ms to 5 s.
    public static let defaultBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    /// The buckets of timers made by this registry.
    public let buckets: [Double]

    private struct Key: Hashable {
        var name: String
        var labels: [Label]
    }

    struct Label: Hashable, Comparable {
        var name: String
        var value: String
        static func < (a: Label, b: Label) -> Bool { (a.name, a.value) < (b.name, b.value) }
    }

    private enum Series {
        case counter(PrometheusCounter)
        case gauge(PrometheusGauge)
        case histogram(PrometheusHistogram)

        var kind: String {
            switch self {
            case .counter: "counter"
            case .gauge: "gauge"
            case .histogram: "histogram"
            }
        }
    }

    private let series = Mutex<[Key: Series]>([:])

    /// A registry whose timers use `buckets` (seconds, ascending).
    public init(buckets: [Double] = PrometheusRegistry.defaultBuckets) {
        self.buckets = buckets.sorted()
    }

    // MARK: MetricsFactory

    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        counter(label, dimensions)
    }

    public func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        counter(label, dimensions)
    }

    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        gauge(label, dimensions)
    }

    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        gauge(label, dimensions)
    }

    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        let key = Self.key(label, dimensions)
        return series.withLock { series in
            if case .histogram(let existing)? = series[key] { return existing }
            let made = PrometheusHistogram(buckets: buckets)
            series[key] = .histogram(made)
            return made
        }
    }

    public func destroyCounter(_ handler: any CounterHandler) { remove(handler) }
    public func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) { remove(handler) }
    public func destroyMeter(_ handler: any MeterHandler) { remove(handler) }
    public func destroyRecorder(_ handler: any RecorderHandler) { remove(handler) }
    public func destroyTimer(_ handler: any TimerHandler) { remove(handler) }

    // MARK: Exposition

    /// Every series in Prometheus' text format, families sorted by name.
    public func render() -> String {
        let snapshot = series.withLock { $0 }
        var families: [String: [(Key, Series)]] = [:]
        for (key, value) in snapshot { families[key.name, default: []].append((key, value)) }
        var text = ""
        for name in families.keys.sorted() {
            let members = families[name]!.sorted { $0.0.labels.lexicographicallyPrecedes($1.0.labels) }
            text += "# TYPE \(name) \(members[0].1.kind)\n"
            for (key, value) in members {
                switch value {
                case .counter(let counter):
                    text += PrometheusText.sample(name, key.labels, counter.value)
                case .gauge(let gauge):
                    text += PrometheusText.sample(name, key.labels, gauge.value)
                case .histogram(let histogram):
                    let state = histogram.snapshot
                    for (index, bound) in histogram.buckets.enumerated() {
                        text += PrometheusText.sample(name + "_bucket", key.labels + [Label(name: "le", value: PrometheusText.number(bound))],
                                                      Double(state.counts[index]))
                    }
                    text += PrometheusText.sample(name + "_bucket", key.labels + [Label(name: "le", value: "+Inf")], Double(state.count))
                    text += PrometheusText.sample(name + "_sum", key.labels, state.sum)
                    text += PrometheusText.sample(name + "_count", key.labels, Double(state.count))
                }
            }
        }
        return text
    }

    // MARK: Helpers

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> PrometheusCounter {
        let key = Self.key(label, dimensions)
        return series.withLock { series in
            if case .counter(let existing)? = series[key] { return existing }
            let made = PrometheusCounter()
            series[key] = .counter(made)
            return made
        }
    }

    private func gauge(_ label: String, _ dimensions: [(String, String)]) -> PrometheusGauge {
        let key = Self.key(label, dimensions)
        return series.withLock { series in
            if case .gauge(let existing)? = series[key] { return existing }
            let made = PrometheusGauge()
            series[key] = .gauge(made)
            return made
        }
    }

    private func remove(_ handler: AnyObject) {
        series.withLock { series in
            for (key, value) in series {
                let object: AnyObject
                switch value {
                case .counter(let counter): object = counter
                case .gauge(let gauge): object = gauge
                case .histogram(let histogram): object = histogram
                }
                if object === handler { series[key] = nil }
            }
        }
    }

    private static func key(_ label: String, _ dimensions: [(String, String)]) -> Key {
        Key(
            name: PrometheusText.name(label),
            labels: dimensions.map { Label(name: PrometheusText.name($0.0), value: $0.1) }.sorted()
        )
    }
}
