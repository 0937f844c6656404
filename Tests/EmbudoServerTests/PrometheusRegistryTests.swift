import CoreMetrics
import EmbudoObservability
import Foundation
import Logging
import Synchronization
import Testing

@Suite("Prometheus exporter and JSON logs")
struct PrometheusRegistryTests {
    @Test func rendersCountersGaugesAndCumulativeHistograms() {
        let registry = PrometheusRegistry(buckets: [0.01, 0.1, 1])
        Counter(label: "jobs_total", dimensions: [("kind", #"a"b\c"#)], factory: registry).increment(by: 2)
        Counter(label: "jobs_total", dimensions: [("kind", #"a"b\c"#)], factory: registry).increment()
        Gauge(label: "queue.depth", factory: registry).record(7)
        let timer = CoreMetrics.Timer(label: "work_seconds", factory: registry)
        timer.recordMilliseconds(5)
        timer.recordMilliseconds(50)
        timer.recordSeconds(3)
        let text = registry.render()
        #expect(text.contains("# TYPE jobs_total counter\n" + #"jobs_total{kind="a\"b\\c"} 3"#))
        #expect(text.contains("# TYPE queue_depth gauge\nqueue_depth 7\n"))
        #expect(text.contains(#"work_seconds_bucket{le="0.01"} 1"#))
        #expect(text.contains(#"work_seconds_bucket{le="0.1"} 2"#))
        #expect(text.contains(#"work_seconds_bucket{le="1"} 2"#))
        #expect(text.contains(#"work_seconds_bucket{le="+Inf"} 3"#))
        #expect(text.contains("work_seconds_sum 3.055"))
        #expect(text.contains("work_seconds_count 3"))
    }

    @Test func namesKeepOnlyWhatPrometheusAllows() {
        let registry = PrometheusRegistry()
        Counter(label: "calls_2xx:total", dimensions: [("route9", "x")], factory: registry).increment()
        Counter(label: "2xx", factory: registry).increment()
        Counter(label: "año-total", dimensions: [("ruta ñ", "y")], factory: registry).increment()
        Counter(label: "", factory: registry).increment()
        let text = registry.render()
        #expect(text.contains(#"calls_2xx:total{route9="x"} 1"#))
        #expect(text.contains("\n_xx 1\n"))
        #expect(text.contains(#"a_o_total{ruta__="y"} 1"#))
        #expect(text.contains("\n_ 1\n"))
    }

    @Test func jsonLinesEscapeAndFlattenMetadata() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "unit") { label in JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } } }
        logger[metadataKey: "request_id"] = "r1"
        logger.info("quote \" and\nnewline", metadata: ["level": "clash", "db": ["pool": "2"], "list": ["a", "b"]])
        logger.debug("below the level")
        let all = lines.withLock { $0 }
        #expect(all.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(all[0].utf8)) as? [String: Any])
        #expect(object["message"] as? String == "quote \" and\nnewline")
        #expect(object["level"] as? String == "info")
        #expect(object["metadata.level"] as? String == "clash")
        #expect(object["db.pool"] as? String == "2")
        #expect(object["list"] as? [String] == ["a", "b"])
        #expect(object["request_id"] as? String == "r1")
        let timestamp = try #require(object["timestamp"] as? String)
        #expect(timestamp.count == 24 && timestamp.hasSuffix("Z"))
    }
}
