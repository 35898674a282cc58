package ai.revo.missioncontrol.knowledge;

/** The document types the knowledge base reads, each known from its content rather than its name. */
public enum FileType {
    PDF,
    DOCX,
    TXT,
    MARKDOWN,
    HTML
}
