import Foundation
import GazetteCore
import Testing

/// Prints the relations stage's own throughput on the gold corpus (gold entities and quantities,
/// tokenized): the stage must not be what holds the full pipeline under 15 MB/s.
@Suite("Relations throughput")
struct ThroughputTests {
    @Test("Stage throughput on the gold corpus")
    func throughput() throws {
        let stage = try OracleCorpus.stage.get()
        let documents = try OracleCorpus.documents()
        let bytes = documents.reduce(0) { $0 + $1.byteCount }
        let rounds = Int(ProcessInfo.processInfo.environment["RELATIONS_ROUNDS"] ?? "50") ?? 50
        let start = ContinuousClock.now
        let cpuStart = Self.threadCPUSeconds()
        var relations = 0
        for _ in 0..<rounds {
            for var document in documents {
                try stage.process(&document)
                relations += document.relations.count
            }
        }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        let cpuSeconds = Self.threadCPUSeconds() - cpuStart
        let megabytes = Double(bytes * rounds) / 1_000_000
        print(
            "relations stage: \(String(format: "%.1f", megabytes / max(seconds, 1e-9))) MB/s wall, "
                + "\(String(format: "%.1f", megabytes / max(cpuSeconds, 1e-9))) MB/s of thread CPU "
                + "(\(relations / rounds) relations per pass)")
        #expect(relations > 0)
    }

    /// CPU time of the calling thread, so a busy machine does not distort the figure.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
