package ai.revo.missioncontrol.ai;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Turns text into vectors: in-process with the quantised all-MiniLM-L6-v2 model shipped in a Maven artifact (384
 * dimensions, nothing downloaded at run time), or an OpenAI-compatible embeddings endpoint when
 * {@code MC_EMBEDDING_BASE_URL} is set. Vectors come back L2-normalised, so a dot product is the cosine similarity.
 * Slow work: never call it inside a database transaction.
 */
@Service
public class Embeddings {

    private static final Logger log = LoggerFactory.getLogger(Embeddings.class);
    static final String LOCAL_MODEL = "all-minilm-l6-v2-q";

    private final String baseUrl;
    private final String apiKey;
    private final String remoteModel;
    private volatile EmbeddingModel model;
    private volatile int dimensions;

    Embeddings(
            @Value("${mc.embedding.base-url:}") String baseUrl,
            @Value("${mc.embedding.api-key:}") String apiKey,
            @Value("${mc.embedding.model:text-embedding-3-small}") String remoteModel) {
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip();
        this.apiKey = apiKey;
        this.remoteModel = remoteModel;
    }

    /** The name of the model in use; stored beside every vector so a change of model is visible. */
    public String modelName() {
        return baseUrl.isEmpty() ? LOCAL_MODEL : remoteModel;
    }

    /** The length of the model's vectors (384 for the local model); a remote model is asked once. */
    public int dimensions() {
        int d = dimensions;
        if (d == 0) {
            d = model().dimension();
            dimensions = d;
        }
        return d;
    }

    /** One normalised vector per text, in order. Texts must not be null; an empty list gives an empty list. */
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments =
                texts.stream().map(t -> TextSegment.from(t.isBlank() ? " " : t)).toList();
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(normalised(e.vector()));
        }
        return out;
    }

    /** The normalised vector of one text. */
    public float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    long start = System.nanoTime();
                    m = baseUrl.isEmpty()
                            ? new AllMiniLmL6V2QuantizedEmbeddingModel()
                            : OpenAiEmbeddingModel.builder()
                                    .baseUrl(baseUrl)
                                    .apiKey(apiKey == null || apiKey.isBlank() ? "none" : apiKey)
                                    .modelName(remoteModel)
                                    .timeout(Duration.ofSeconds(30))
                                    .build();
                    model = m;
                    log.info("Embedding model {} ready in {} ms", modelName(), (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return m;
    }

    static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        if (sum == 0) {
            return v;
        }
        float inv = (float) (1 / Math.sqrt(sum));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }
}
