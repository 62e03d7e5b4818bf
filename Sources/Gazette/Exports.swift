// The `Gazette` library: every module of the pipeline, plus the stage catalog and the parallel
// annotator that the `gazette` command uses.
@_exported import GazetteCore
@_exported import GazetteIO
@_exported import Quantities
@_exported import Relations
@_exported import Gazetteer
@_exported import Tokenization
