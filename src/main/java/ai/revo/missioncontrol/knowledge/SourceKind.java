package ai.revo.missioncontrol.knowledge;

/** Where a source came from: an uploaded file or a web page. */
public enum SourceKind {
    FILE,
    URL
}
