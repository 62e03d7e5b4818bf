import Foundation

/// Annotates and encodes `documents` in memory with `annotator` (its jobs), returning the total
/// number of output bytes. Used by `gazette bench`.
public func parallelAnnotate(_ documents: [Document], with annotator: Annotator) -> Int {
    let sizes = parallelMap(count: documents.count, jobs: annotator.jobs) { index in
        annotator.annotate(documents[index]).line.count
    }
    return sizes.reduce(0, +)
}

/// Runs ICU's raw word breaking over every document on the current thread and returns the number
/// of segments: the ceiling the tokenizer is compared with.
public func icuWordBreakBaseline(_ documents: [Document]) -> Int {
    let segmenter = ICUSegmenter()
    var segments = 0
    for document in documents {
        document.withUTF8 { bytes in
            try? segmenter.segment(.word, bytes) { _, _ in segments += 1 }
        }
    }
    return segments
}

/// Peak resident memory of this process in bytes (VmHWM), or 0 where unavailable.
public func peakResidentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.filter(\.isNumber)
        return (Int(digits) ?? 0) * 1024
    }
    return 0
}

/// The lexicon candidate search of a `gazetteer` stage alone (`CompiledLexicon.candidates`), for
/// `gazette bench --stage-times`: nanoseconds spent finding the lexicon matches of `document`
/// (which must already have its tokens), or nil when `stage` is not a gazetteer stage.
public func lexiconMatchNanoseconds(_ stage: any Stage, _ document: Document) -> UInt64? {
    guard let gazetteer = stage as? GazetteerStage, !document.tokens.isEmpty else { return nil }
    let start = DispatchTime.now().uptimeNanoseconds
    let found = gazetteer.lexicon.candidates(in: document)
    let elapsed = DispatchTime.now().uptimeNanoseconds - start
    withExtendedLifetime(found) {}
    return elapsed
}
