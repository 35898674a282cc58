package ai.revo.missioncontrol.knowledge;

/** How far a source's ingestion got. READY and FAILED are where it rests. */
public enum SourceStatus {
    QUEUED,
    PARSING,
    EMBEDDING,
    READY,
    FAILED;

    public boolean finished() {
        return this == READY || this == FAILED;
    }
}
