package ai.revo.missioncontrol.bench;

import ai.revo.missioncontrol.knowledge.IvfRecall;
import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * Knowledge: ingestion speed against the raw embedding model, and hybrid retrieval at N passages in one workspace.
 *
 * <ol>
 *   <li>Ingestion: a Markdown document of M sections (sentences of the quality set's Constitution, shuffled, about
 *       900 characters each, so one passage per section) is uploaded through the API and timed from the upload to
 *       READY (parse, chunk, embed in batches of 32, store with progress). Then the same passage texts (read back
 *       from the API) are embedded by the same model class in this process, in the same batches: the raw speed.
 *   <li>Retrieval: the workspace is filled to N passages straight into PostgreSQL (new sentence mixes; a vector
 *       that is one of the ingested passages' plus noise, so the workspace has topics as a real one has and the
 *       approximate index's partitions mean something), the node's index is told
 *       by the index state, the first search loads it (timed, and the node's heap measured before and after with
 *       {@code jcmd GC.class_histogram}, live objects), then the quality set's 62 questions are asked through
 *       {@code GET /api/v1/knowledge/search?k=5} one at a time, both legs, HTTP and auth included. Baselines in the
 *       same run: the full-text statement alone over JDBC and the question's embedding alone in this process.
 *   <li>Recall: the node's approximate index rebuilt in this process from the same vectors, recall@10 and @50 of the
 *       62 questions against the exact scan; then the worst case, uniformly random vectors and questions.
 * </ol>
 *
 * <p>Arguments: baseUrl jdbcUrl nodePid sections passages rounds. Run by {@code bench/knowledge.sh}.
 */
public final class KnowledgeBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        long nodePid = Long.parseLong(args[2]);
        int sections = Integer.parseInt(args[3]);
        int passages = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);
        Api api = new Api(base);
        Api.Session admin = api.signup();
        String token = admin.accessToken();
        UUID tenant = UUID.fromString(admin.tenantId());
        List<String> sentences = sentences(resource("constitution.md"));
        Random random = new Random(14);

        // warm the node's model (loaded on first use) with a question, so ingestion is not charged for it
        api.get("/api/v1/knowledge/search?q=warm", token).expect(200);

        // 1. ingestion through the product
        StringBuilder doc = new StringBuilder("# Bench document\n\n");
        for (int i = 0; i < sections; i++) {
            doc.append("## Part ")
                    .append(i + 1)
                    .append("\n\n")
                    .append(mix(sentences, random, 900))
                    .append("\n\n");
        }
        long uploaded = System.nanoTime();
        String id = upload(base, token, "bench.md", doc.toString().getBytes(StandardCharsets.UTF_8));
        JsonNode source;
        do {
            Thread.sleep(100);
            source = api.get("/api/v1/knowledge/sources/" + id, token)
                    .expect(200)
                    .json();
            if (source.path("status").asText().equals("FAILED")) {
                throw new IllegalStateException("ingestion failed: " + source);
            }
        } while (!source.path("status").asText().equals("READY"));
        double ingestSeconds = (System.nanoTime() - uploaded) / 1e9;
        double serverSeconds = Duration.between(
                                Instant.parse(source.path("createdAt").asText()),
                                Instant.parse(source.path("ingestedAt").asText()))
                        .toMillis()
                / 1000.0;
        int chunks = source.path("chunks").asInt();
        List<String> texts = new ArrayList<>();
        for (int page = 1; texts.size() < chunks; page++) {
            JsonNode data = api.get("/api/v1/knowledge/sources/" + id + "/chunks?limit=200&page=" + page, token)
                    .expect(200)
                    .json()
                    .path("data");
            if (data.isEmpty()) {
                break;
            }
            data.forEach(c -> texts.add(
                    c.path("heading").isNull() || c.path("heading").isMissingNode()
                            ? c.path("text").asText()
                            : c.path("heading").asText() + "\n" + c.path("text").asText()));
        }

        // the raw model alone, same class, same texts, same batches of 32
        AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        model.embedAll(texts.subList(0, Math.min(64, texts.size())).stream()
                .map(TextSegment::from)
                .toList());
        long raw = System.nanoTime();
        for (int from = 0; from < texts.size(); from += 32) {
            model.embedAll(texts.subList(from, Math.min(texts.size(), from + 32)).stream()
                    .map(TextSegment::from)
                    .toList());
        }
        double rawSeconds = (System.nanoTime() - raw) / 1e9;
        double productRate = chunks / ingestSeconds;
        double rawRate = texts.size() / rawSeconds;
        result(
                "RESULT ingestion sections=%d chunks=%d upload_to_ready_s=%.1f (server: created to ingested %.1f s) "
                        + "chunks_per_s=%.1f%n",
                sections, chunks, ingestSeconds, serverSeconds, productRate);
        result(
                "RESULT raw_model all-MiniLM-L6-v2-q embedAll batches of 32, same %d texts: %.1f s, chunks_per_s=%.1f%n",
                texts.size(), rawSeconds, rawRate);
        result(
                "RESULT ingestion ratio product/raw=%.2f (target >= 0.7: %s)%n",
                productRate / rawRate, productRate / rawRate >= 0.7 ? "met" : "NOT met");
        result("RESULT load_average_after_ingestion=\"%s\"%n", loadAverage());

        // 2. retrieval at N passages
        int dims = model.embed("dimension").content().vector().length;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            String modelName =
                    one(db, "select embedding_model from knowledge_chunks where tenant_id = ? limit 1", tenant);
            UUID filler = UUID.randomUUID();
            try (PreparedStatement s = db.prepareStatement(
                    "insert into knowledge_sources (id, tenant_id, kind, name, file_type, size_bytes, status, "
                            + "chunk_count, embedding_model, created_by_type) "
                            + "values (?, ?, 'FILE', 'bench-filler.md', 'MARKDOWN', 0, 'READY', ?, ?, 'SYSTEM')")) {
                s.setObject(1, filler);
                s.setObject(2, tenant);
                s.setInt(3, passages - chunks);
                s.setString(4, modelName);
                s.executeUpdate();
            }
            List<float[]> topics = new ArrayList<>();
            try (PreparedStatement s =
                    db.prepareStatement("select embedding from knowledge_chunks where tenant_id = ? order by seq")) {
                s.setObject(1, tenant);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        topics.add(floats(rs.getBytes(1)));
                    }
                }
            }
            long seeding = System.nanoTime();
            db.setAutoCommit(false);
            try (PreparedStatement s = db.prepareStatement(
                    "insert into knowledge_chunks (id, tenant_id, source_id, position, heading, text, content_hash, "
                            + "embedding, embedding_model) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < passages - chunks; i++) {
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, tenant);
                    s.setObject(3, filler);
                    s.setInt(4, i);
                    s.setString(5, "Filler " + (i + 1));
                    s.setString(6, mix(sentences, random, 950));
                    s.setString(7, "filler-" + i);
                    s.setBytes(8, near(random, topics.get(random.nextInt(topics.size())), FILLER_NOISE));
                    s.setString(9, modelName);
                    s.addBatch();
                    if (i % 1000 == 999) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            try (PreparedStatement s = db.prepareStatement(
                    "update knowledge_index_state set generation = generation + 1 where tenant_id = ?")) {
                s.setObject(1, tenant);
                s.executeUpdate();
            }
            db.commit();
            db.setAutoCommit(true);
            try (var s = db.createStatement()) {
                s.execute("analyze knowledge_chunks");
            }
            result(
                    "RESULT seeded passages=%d (ingested %d + %d straight into PostgreSQL, each filler vector one of "
                            + "the ingested passages' plus noise: cosine about %.2f to it) in %.1f s%n",
                    passages,
                    chunks,
                    passages - chunks,
                    1 / Math.sqrt(1 + FILLER_NOISE * FILLER_NOISE),
                    (System.nanoTime() - seeding) / 1e9);

            long heapBefore = liveHeap(nodePid);
            HttpClient http = HttpClient.newHttpClient();
            long cold = search(http, base, token, "Who can declare war?");
            long heapAfter = liveHeap(nodePid);
            result(
                    "RESULT first search (loads the workspace's index of %d vectors of %d dims): %.0f ms%n",
                    passages, dims, cold / 1e6);
            result(
                    "RESULT index memory: node live heap %.1f MB before, %.1f MB after: %.1f MB for %d passages "
                            + "(%.1f MB per 100,000; the vectors alone are %.1f MB)%n",
                    heapBefore / 1e6,
                    heapAfter / 1e6,
                    (heapAfter - heapBefore) / 1e6,
                    passages,
                    (heapAfter - heapBefore) / 1e6 * 100_000 / passages,
                    passages * (double) dims * 4 / 1e6);

            List<String> questions = new ArrayList<>();
            for (String line : resource("questions.tsv").split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    questions.add(line.split("\t")[0]);
                }
            }
            for (int i = 0; i < 30; i++) {
                search(http, base, token, questions.get(i % questions.size()));
            }
            long[] product = new long[rounds * questions.size()];
            long[] fullText = new long[product.length];
            long[] embed = new long[product.length];
            int k = 0;
            for (int r = 0; r < rounds; r++) {
                for (String q : questions) {
                    product[k] = search(http, base, token, q);
                    fullText[k] = fullText(db, tenant, q);
                    long e = System.nanoTime();
                    model.embed(q);
                    embed[k] = System.nanoTime() - e;
                    k++;
                }
            }
            Arrays.sort(product);
            Arrays.sort(fullText);
            Arrays.sort(embed);
            double p95 = pct(product, 95) / 1e6;
            result(
                    "RESULT search GET /api/v1/knowledge/search k=5 (embed, IVF index, full-text, RRF, MMR, passages, "
                            + "HTTP, auth, RLS) at %d passages: n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
                    passages,
                    product.length,
                    pct(product, 50) / 1e6,
                    p95,
                    pct(product, 99) / 1e6,
                    product[product.length - 1] / 1e6);
            result(
                    "RESULT   full-text statement alone (JDBC, pool of 50): p50=%.1f ms p95=%.1f ms%n",
                    pct(fullText, 50) / 1e6, pct(fullText, 95) / 1e6);
            result(
                    "RESULT   embedding the question alone (this process): p50=%.1f ms p95=%.1f ms%n",
                    pct(embed, 50) / 1e6, pct(embed, 95) / 1e6);
            result("RESULT target p95 <= 25 ms: %s%n", p95 <= 25 ? "met" : "NOT met");

            // the approximate index's recall against the exact scan, same vectors (as the node loads them), same
            // questions, the node's parameters; then the worst case, as many vectors uniformly random on the sphere
            List<float[]> queries = new ArrayList<>();
            for (String q : questions) {
                queries.add(model.embed(q).content().vector());
            }
            IvfRecall seeded = new IvfRecall(dims, passages);
            try (PreparedStatement s = db.prepareStatement("select embedding from knowledge_chunks where tenant_id = ? "
                    + "and embedding_model = ? order by seq")) {
                s.setObject(1, tenant);
                s.setString(2, modelName);
                s.setFetchSize(1000);
                db.setAutoCommit(false);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        seeded.add(floats(rs.getBytes(1)));
                    }
                }
                db.setAutoCommit(true);
            }
            seeded.train();
            result(
                    "RESULT approximate index vs exact, this run's passages and the 62 questions: %s%n",
                    seeded.measure(queries, 10, 50));
            seeded = null;
            IvfRecall uniform = new IvfRecall(dims, passages);
            Random noise = new Random(384);
            for (int i = 0; i < passages; i++) {
                uniform.add(floats(unitVector(noise, dims)));
            }
            uniform.train();
            List<float[]> randomQueries = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                randomQueries.add(floats(unitVector(noise, dims)));
            }
            result(
                    "RESULT approximate index vs exact, worst case (uniformly random vectors and questions): %s%n",
                    uniform.measure(randomQueries, 10, 50));
            result("RESULT load_average=\"%s\" (1, 5 and 15 minutes, at the end of the run)%n", loadAverage());
        }
    }

    /** The statement of the product's full-text leg (whole workspace, pool of 50), as ChunkStore sends it. */
    static long fullText(Connection db, UUID tenant, String q) throws Exception {
        String scope = "(cast(? as uuid) is null or c.campaign_id = cast(? as uuid) "
                + "or (c.campaign_id is null and ?) or c.source_id = any(?))";
        long start = System.nanoTime();
        try (PreparedStatement s = db.prepareStatement("with x as (select w.a, case when position('!' in cast(w.a as "
                + "text)) > 0 then null else cast(replace(cast(w.a as text), ' & ', ' | ') as tsquery) end as o "
                + "from (select websearch_to_tsquery('english', ?) as a) w), "
                + "strict as materialized (select c.id, c.seq, c.tsv from knowledge_chunks c, x "
                + "where c.tenant_id = ? and c.tsv @@ x.a and " + scope + " limit 400), "
                + "loose as (select c.id, c.seq, c.tsv from knowledge_chunks c, x "
                + "where (select count(*) from strict) < 50 and x.o is not null and c.tenant_id = ? "
                + "and c.tsv @@ x.o and not (c.tsv @@ x.a) and " + scope + " limit 400) "
                + "select id from (select s.id, 0 as tier, ts_rank_cd(s.tsv, x.a) as r, s.seq from strict s, x "
                + "union all select l.id, 1, ts_rank_cd(l.tsv, x.o), l.seq from loose l, x) ranked "
                + "order by tier, r desc, seq limit 50")) {
            UUID[] none = new UUID[0];
            s.setString(1, q);
            for (int base : new int[] {2, 7}) {
                s.setObject(base, tenant);
                s.setObject(base + 1, null, java.sql.Types.OTHER);
                s.setObject(base + 2, null, java.sql.Types.OTHER);
                s.setBoolean(base + 3, true);
                s.setArray(base + 4, db.createArrayOf("uuid", none));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
        return System.nanoTime() - start;
    }

    static long search(HttpClient http, String base, String token, String q) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/knowledge/search?k=5&q="
                                + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("search answered " + r.statusCode() + ": " + r.body());
        }
        return took;
    }

    /** The node's live heap in bytes ({@code jcmd GC.class_histogram} runs a full collection first). */
    static long liveHeap(long pid) throws Exception {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith("Total")) {
                String[] parts = line.trim().split("\\s+");
                return Long.parseLong(parts[2]);
            }
        }
        throw new IllegalStateException("no histogram total from jcmd: " + out);
    }

    static String one(Connection db, String sql, Object param) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The norm of the noise added to an ingested passage's vector to make a filler's (before normalising). */
    static final double FILLER_NOISE = 1.2;

    /** {@code centre} plus Gaussian noise of about norm {@code noise}, normalised, as stored. */
    static byte[] near(Random random, float[] centre, double noise) {
        float[] v = new float[centre.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (centre[i] + noise * random.nextGaussian() / Math.sqrt(v.length));
            sum += v[i] * v[i];
        }
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat((float) (x / Math.sqrt(sum)));
        }
        return b.array();
    }

    static float[] floats(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    static byte[] unitVector(Random random, int dims) {
        float[] v = new float[dims];
        double sum = 0;
        for (int i = 0; i < dims; i++) {
            v[i] = (float) random.nextGaussian();
            sum += v[i] * v[i];
        }
        ByteBuffer b = ByteBuffer.allocate(dims * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat((float) (x / Math.sqrt(sum)));
        }
        return b.array();
    }

    static List<String> sentences(String markdown) {
        List<String> out = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            for (String s : line.split("(?<=[.;:])\\s+")) {
                if (s.length() > 20) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /** Random sentences joined up to about {@code length} characters. */
    static String mix(List<String> sentences, Random random, int length) {
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            String s = sentences.get(random.nextInt(sentences.size()));
            if (b.length() + s.length() > length + 100 && b.length() > 0) {
                break;
            }
            b.append(b.length() == 0 ? "" : " ").append(s);
        }
        return b.toString();
    }

    static String resource(String name) throws Exception {
        try (InputStream in = Objects.requireNonNull(
                KnowledgeBenchmark.class.getResourceAsStream("/knowledge/quality/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String upload(String base, String token, String name, byte[] content) throws Exception {
        String boundary = "----bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/knowledge/sources"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).path("id").asText();
    }

    static String loadAverage() throws Exception {
        return String.join(
                " ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    }

    /** A RESULT line, also on stderr so a run cut short still shows what it measured. */
    static void result(String format, Object... args) {
        String line = String.format(java.util.Locale.ROOT, format, args);
        System.out.print(line);
        System.out.flush();
        System.err.print(line);
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
