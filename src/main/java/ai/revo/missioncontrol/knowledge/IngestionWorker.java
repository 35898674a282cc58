package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.ai.Embeddings;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.WebPage;
import ai.revo.missioncontrol.outbound.WebPageRefused;
import ai.revo.missioncontrol.outbound.WebPages;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One attempt at ingesting a source, on a scheduler worker thread: (for a re-ingested web page, fetch it afresh),
 * read it into sections, cut them into chunks, embed and store them in batches with progress, then READY. Any
 * failure ends the attempt FAILED with a reason a person understands. Each step is its own short transaction.
 */
@Component
class IngestionWorker {

    private static final Logger log = LoggerFactory.getLogger(IngestionWorker.class);
    static final int BATCH = 32;

    private final SourceSteps steps;
    private final Embeddings embeddings;
    private final WebPages webPages;

    IngestionWorker(SourceSteps steps, Embeddings embeddings, WebPages webPages) {
        this.steps = steps;
        this.embeddings = embeddings;
        this.webPages = webPages;
    }

    void run(TenantId tenant, UUID sourceId, int attempt) {
        Optional<SourceContent> begun = steps.begin(tenant, sourceId, attempt);
        if (begun.isEmpty()) {
            return;
        }
        SourceContent source = begun.get();
        try {
            ingest(tenant, source);
        } catch (WebPageRefused refused) {
            steps.fail(tenant, sourceId, refused.getMessage());
        } catch (DocumentReader.Unreadable unreadable) {
            steps.fail(tenant, sourceId, unreadable.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            log.warn("Ingestion of knowledge source {} failed", sourceId, e);
            steps.fail(tenant, sourceId, "Ingestion stopped on an unexpected error; try again, or upload another copy");
        }
    }

    private void ingest(TenantId tenant, SourceContent source) throws DocumentReader.Unreadable {
        FileType type = source.fileType();
        byte[] content = source.content();
        String mediaType = source.mediaType();
        if (source.kind() == SourceKind.URL && source.attempt() > 1) {
            WebPage page = webPages.fetch(source.url());
            type = DocumentReader.ofWebPage(page.mediaType(), page.body());
            content = page.body();
            mediaType = page.mediaType()
                    + (page.charset() == null
                            ? ""
                            : "; charset=" + page.charset().name());
            if (!steps.refetched(tenant, source.sourceId(), type, mediaType, content)) {
                return;
            }
        }
        DocumentReader.Read read = DocumentReader.read(type, content, SourceContent.charsetOf(mediaType));
        List<Chunk> chunks = Chunker.chunk(read.sections());
        if (chunks.isEmpty()) {
            throw new DocumentReader.Unreadable(
                    type == FileType.PDF
                            ? "The PDF has no text to read (a scanned PDF needs text recognition, which is not done here)"
                            : "The document has no text to read");
        }
        if (!steps.parsed(tenant, source.sourceId(), chunks.size(), read.pages())) {
            return;
        }
        String model = embeddings.modelName();
        int[] storedAndSkipped = {0, 0};
        for (int from = 0; from < chunks.size(); from += BATCH) {
            List<Chunk> batch = chunks.subList(from, Math.min(chunks.size(), from + BATCH));
            List<float[]> vectors = embeddings.embed(batch.stream()
                    .map(c -> embeddingText(c.heading(), c.text()))
                    .toList());
            if (!steps.stored(
                    tenant, source.sourceId(), batch, vectors, model, from + batch.size(), storedAndSkipped)) {
                return; // deleted (or re-queued) meanwhile
            }
        }
        steps.ready(tenant, source.sourceId(), model);
    }

    /** What a passage's vector is computed from: its heading, when it has one, and its text. */
    static String embeddingText(String heading, String text) {
        return heading == null ? text : heading + "\n" + text;
    }
}
