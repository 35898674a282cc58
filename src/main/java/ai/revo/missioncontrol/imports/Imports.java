package ai.revo.missioncontrol.imports;

import ai.revo.missioncontrol.contacts.ContactBatches;
import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact imports: upload (CSV or XLSX, up to 50 MB and 200,000 rows), a column mapping (the one last used for the
 * same headers is offered again), a preview with the whole file's validation, then a background run that merges
 * the rows into contacts in batches, with progress, cancel and the rows not imported kept with their reasons.
 */
@Service
public class Imports {

    public static final long MAX_BYTES = 50L * 1024 * 1024;
    public static final int MAX_ROWS = 200_000;
    static final int BATCH = 1000;
    static final int PREVIEW_ROWS = 10;
    static final int MAX_ISSUES_SHOWN = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final ContactBatches batches;
    private final ContactManagement contacts;
    private final ImportQueue queue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Imports(
            JdbcClient jdbc,
            ContactBatches batches,
            ContactManagement contacts,
            ImportQueue queue,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.contacts = contacts;
        this.queue = queue;
        this.events = events;
        this.clock = clock;
    }

    /** Stores an uploaded file and reads its header; 400 when it is empty, too big, unreadable or too long. */
    @Transactional
    public ImportView upload(TenantId tenant, String fileName, byte[] content, Actor actor) {
        if (content == null || content.length == 0) {
            throw ApiException.invalidField("file", "is empty");
        }
        if (content.length > MAX_BYTES) {
            throw ApiException.invalidField("file", "is larger than 50 MB");
        }
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        if (name.length() > 255) {
            name = name.substring(0, 255);
        }
        ImportFormat format = ImportFormat.of(name, content);
        List<String> headers = new ArrayList<>();
        int[] rows = {0};
        SheetReader.read(content, format, (rowNumber, cells) -> {
            if (rowNumber == 1) {
                headers.addAll(cells);
                return true;
            }
            if (!RowCheck.blank(cells)) {
                rows[0]++;
            }
            return rows[0] <= MAX_ROWS;
        });
        if (headers.isEmpty() || RowCheck.blank(headers)) {
            throw ApiException.invalidField("file", "has no header row (the first row names the columns)");
        }
        if (rows[0] > MAX_ROWS) {
            throw ApiException.invalidField("file", "has more than 200,000 rows; split it into smaller files");
        }
        if (rows[0] == 0) {
            throw ApiException.invalidField("file", "has a header but no rows");
        }
        String headerKey = headerKey(headers);
        Optional<List<String>> remembered = jdbc.sql(
                        "select columns from import_mappings where tenant_id = ? and header_key = ?")
                .params(tenant.value(), headerKey)
                .query((rs, n) -> readColumns(rs.getString(1)))
                .optional()
                .filter(c -> c.size() == headers.size());
        List<String> columns = remembered.orElseGet(() -> headers.stream()
                .map(h -> ImportField.guess(h).map(ImportField::key).orElse(null))
                .toList());
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into imports (id, tenant_id, file_name, format, size_bytes, headers, header_key, columns, "
                        + "status, total_rows, created_by_type, created_by_id, created_by_name, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), 'UPLOADED', ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        tenant.value(),
                        name,
                        format.name(),
                        content.length,
                        json(headers),
                        headerKey,
                        json(columns),
                        rows[0],
                        actor.type().name(),
                        actor.id(),
                        actor.name(),
                        now,
                        now)
                .update();
        jdbc.sql("insert into import_files (import_id, tenant_id, content) values (?, ?, ?)")
                .params(id, tenant.value(), content)
                .update();
        if (remembered.isPresent()) {
            jdbc.sql("update imports set mapping_remembered = true where id = ? and tenant_id = ?")
                    .params(id, tenant.value())
                    .update();
        }
        events.publishEvent(
                new ImportUploaded(tenant.value(), id, name, Map.of("rows", rows[0], "format", format.name()), actor));
        return get(tenant, id);
    }

    @Transactional(readOnly = true)
    public ImportView get(TenantId tenant, UUID id) {
        return jdbc.sql(SELECT + " where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(Imports::view)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Import", id));
    }

    @Transactional(readOnly = true)
    public PageResult<ImportView> list(TenantId tenant, PageQuery page) {
        long total = jdbc.sql("select count(*) from imports where tenant_id = ?")
                .params(tenant.value())
                .query(Long.class)
                .single();
        return PageResult.of(
                jdbc.sql(SELECT + " where tenant_id = ? order by created_at desc, id limit ? offset ?")
                        .params(tenant.value(), page.limit(), page.offset())
                        .query(Imports::view)
                        .list(),
                page,
                total);
    }

    /** The first rows with what each becomes, and the whole file's validation, with the import's mapping. */
    @Transactional(readOnly = true)
    public ImportPreview preview(TenantId tenant, UUID id) {
        ImportView view = get(tenant, id);
        return preview(tenant, view, fields(view.columns(), view.headers().size()), content(tenant, id));
    }

    /**
     * Sets the column mapping (one field key or null per header) and the campaign to enrol the contacts in (null:
     * none), remembers the mapping for files with the same headers, and returns the preview. 400 for an unknown
     * field, a field mapped twice or a mapping without an email, phone or name column; 404 for a campaign not in
     * this workspace; 409 once the import has started.
     */
    @Transactional
    public ImportPreview map(TenantId tenant, UUID id, List<String> columns, UUID campaignId, Actor actor) {
        ImportView view = get(tenant, id);
        requireUploaded(view);
        List<ImportField> fields = fields(columns, view.headers().size());
        if (campaignId != null
                && contacts.enrollableCampaigns(tenant).stream().noneMatch(c -> c.id().equals(campaignId))) {
            throw ApiException.notFound("Campaign", campaignId);
        }
        List<String> keys = fields.stream().map(f -> f == null ? null : f.key()).toList();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update imports set columns = cast(? as jsonb), campaign_id = ?, updated_at = ? "
                        + "where tenant_id = ? and id = ?")
                .params(json(keys), campaignId, now, tenant.value(), id)
                .update();
        jdbc.sql("insert into import_mappings (tenant_id, header_key, columns, created_at, updated_at) values "
                        + "(?, ?, cast(? as jsonb), ?, ?) on conflict (tenant_id, header_key) do update set "
                        + "columns = excluded.columns, updated_at = excluded.updated_at")
                .params(tenant.value(), headerKey(view.headers()), json(keys), now, now)
                .update();
        return preview(tenant, get(tenant, id), fields, content(tenant, id));
    }

    /** Starts the import in the background; 400 without a usable mapping; 409 when already started. */
    @Transactional
    public ImportView start(TenantId tenant, UUID id, Actor actor) {
        ImportView view = get(tenant, id);
        requireUploaded(view);
        fields(view.columns(), view.headers().size());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update imports set status = 'QUEUED', error = null, updated_at = ? where tenant_id = ? and id = ?")
                .params(now, tenant.value(), id)
                .update();
        queue.enqueue(tenant, id, clock.instant());
        events.publishEvent(
                new ImportStarted(tenant.value(), id, view.fileName(), Map.of("rows", view.totalRows()), actor));
        return get(tenant, id);
    }

    /**
     * Cancels the import: one not yet running stops at once; a running one stops after its current batch (what
     * was written stays). 409 when it has already finished.
     */
    @Transactional
    public ImportView cancel(TenantId tenant, UUID id, Actor actor) {
        ImportView view = get(tenant, id);
        if (view.finished()) {
            throw ApiException.conflict("This import has already finished (" + view.status() + ")");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update imports set cancel_requested = true, updated_at = ? where tenant_id = ? and id = ?")
                .params(now, tenant.value(), id)
                .update();
        if (!view.status().equals("RUNNING")) {
            finishNow(tenant, id, "CANCELLED", null);
        } else {
            events.publishEvent(new ImportCancelRequested(tenant.value(), id, view.fileName(), Map.of(), actor));
        }
        return get(tenant, id);
    }

    /** The rows not imported (failed, and skipped duplicates), by row number, with their original cells. */
    @Transactional(readOnly = true)
    public void issues(TenantId tenant, UUID id, Consumer<ImportIssue> each) {
        get(tenant, id);
        jdbc
                .sql("select row_number, outcome, reason, cells from import_row_issues where tenant_id = ? and "
                        + "import_id = ? order by row_number")
                .params(tenant.value(), id)
                .query((rs, n) ->
                        new ImportIssue(rs.getInt(1), rs.getString(2), rs.getString(3), readColumns(rs.getString(4))))
                .stream()
                .forEach(each);
    }

    /** A row not imported. */
    public record ImportIssue(int rowNumber, String outcome, String reason, List<String> cells) {}

    // --- the background run (ImportWorker) ---

    record Job(
            UUID id,
            ImportFormat format,
            byte[] content,
            List<ImportField> columns,
            UUID campaignId,
            String region,
            int nextRow,
            Actor actor) {}

    record Row(int rowNumber, List<String> cells, RowCheck.Result result) {}

    /** Marks a queued import running and returns what the run needs; null when there is nothing (more) to do. */
    @Transactional
    public Job begin(TenantId tenant, UUID id) {
        ImportView view = jdbc.sql(SELECT + " where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query(Imports::view)
                .optional()
                .orElse(null);
        if (view == null || view.finished() || view.status().equals("UPLOADED")) {
            return null;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update imports set status = 'RUNNING', started_at = coalesce(started_at, ?), updated_at = ? "
                        + "where tenant_id = ? and id = ?")
                .params(now, now, tenant.value(), id)
                .update();
        Actor actor = jdbc.sql(
                        "select created_by_type, created_by_id, created_by_name from imports where tenant_id = ? "
                                + "and id = ?")
                .params(tenant.value(), id)
                .query((rs, n) -> new Actor(Actor.Type.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .single();
        int nextRow = jdbc.sql("select next_row from imports where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(Integer.class)
                .single();
        return new Job(
                id,
                view.format(),
                content(tenant, id),
                fields(view.columns(), view.headers().size()),
                view.campaignId(),
                batches.region(tenant),
                nextRow,
                actor);
    }

    /**
     * Writes one batch and the import's progress in one transaction; false (and the import CANCELLED) when a
     * cancel was asked for, in which case nothing of this batch is written.
     */
    @Transactional
    public boolean applyBatch(TenantId tenant, Job job, List<Row> rows) {
        boolean cancel = jdbc.sql("select cancel_requested from imports where tenant_id = ? and id = ? for update")
                .params(tenant.value(), job.id())
                .query(Boolean.class)
                .single();
        if (cancel) {
            finishNow(tenant, job.id(), "CANCELLED", null);
            return false;
        }
        List<ContactDetails> valid = new ArrayList<>();
        List<Row> validRows = new ArrayList<>();
        List<Object[]> issues = new ArrayList<>();
        int failed = 0;
        int skipped = 0;
        for (Row row : rows) {
            switch (row.result().outcome()) {
                case VALID -> {
                    valid.add(row.result().details());
                    validRows.add(row);
                }
                case FAILED -> {
                    failed++;
                    issues.add(issue(row, "FAILED", row.result().reason()));
                }
                default -> {
                    skipped++;
                    issues.add(issue(row, "SKIPPED", row.result().reason()));
                }
            }
        }
        int created = 0;
        int updated = 0;
        int enrolled = 0;
        if (!valid.isEmpty()) {
            ContactBatches.BatchResult result = batches.upsert(tenant, valid, job.campaignId(), job.actor());
            enrolled = result.enrolled();
            for (int i = 0; i < result.rows().size(); i++) {
                ContactBatches.RowResult r = result.rows().get(i);
                switch (r.outcome()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> skipped++;
                    case FAILED -> {
                        failed++;
                        issues.add(issue(validRows.get(i), "FAILED", r.reason()));
                    }
                }
            }
        }
        if (!issues.isEmpty()) {
            jdbc.sql("insert into import_row_issues (tenant_id, import_id, row_number, outcome, reason, cells) "
                            + "select :tenant, :import, r, o, why, cast(c as jsonb) from unnest(cast(:rows as int[]), "
                            + "cast(:outcomes as text[]), cast(:reasons as text[]), cast(:cells as text[])) as v(r, o, why, c) "
                            + "on conflict do nothing")
                    .param("tenant", tenant.value())
                    .param("import", job.id())
                    .param("rows", issues.stream().map(i -> (Integer) i[0]).toArray(Integer[]::new))
                    .param("outcomes", issues.stream().map(i -> (String) i[1]).toArray(String[]::new))
                    .param("reasons", issues.stream().map(i -> (String) i[2]).toArray(String[]::new))
                    .param("cells", issues.stream().map(i -> (String) i[3]).toArray(String[]::new))
                    .update();
        }
        jdbc.sql(
                        "update imports set next_row = ?, processed_rows = processed_rows + ?, created_count = created_count "
                                + "+ ?, updated_count = updated_count + ?, skipped_count = skipped_count + ?, failed_count = "
                                + "failed_count + ?, enrolled_count = enrolled_count + ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(
                        rows.get(rows.size() - 1).rowNumber(),
                        rows.size(),
                        created,
                        updated,
                        skipped,
                        failed,
                        enrolled,
                        Timestamp.from(clock.instant()),
                        tenant.value(),
                        job.id())
                .update();
        return true;
    }

    /** Ends a run: COMPLETED, or FAILED with the reason. */
    @Transactional
    public void finish(TenantId tenant, UUID id, String status, String error) {
        finishNow(tenant, id, status, error);
    }

    private void finishNow(TenantId tenant, UUID id, String status, String error) {
        int changed = jdbc.sql("update imports set status = ?, error = ?, finished_at = ?, updated_at = ? where "
                        + "tenant_id = ? and id = ? and status not in ('COMPLETED', 'CANCELLED', 'FAILED')")
                .params(
                        status,
                        error == null ? null : error.length() > 500 ? error.substring(0, 500) : error,
                        Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()),
                        tenant.value(),
                        id)
                .update();
        if (changed == 0) {
            return;
        }
        ImportView view = get(tenant, id);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("status", status);
        counts.put("created", view.created());
        counts.put("updated", view.updated());
        counts.put("skipped", view.skipped());
        counts.put("failed", view.failed());
        counts.put("enrolled", view.enrolled());
        events.publishEvent(new ImportFinished(tenant.value(), id, view.fileName(), counts, Actor.system()));
    }

    // --- helpers ---

    private ImportPreview preview(TenantId tenant, ImportView view, List<ImportField> fields, byte[] content) {
        RowCheck check = new RowCheck(fields, batches.region(tenant));
        List<ImportPreview.PreviewRow> shown = new ArrayList<>();
        List<ImportPreview.Issue> issues = new ArrayList<>();
        Map<String, Integer> reasons = new LinkedHashMap<>();
        int[] counts = new int[3];
        SheetReader.read(content, view.format(), (rowNumber, cells) -> {
            if (rowNumber == 1) {
                return true;
            }
            RowCheck.Result r = check.check(rowNumber, cells);
            if (r.outcome() == RowCheck.Outcome.BLANK) {
                return true;
            }
            switch (r.outcome()) {
                case VALID -> counts[0]++;
                case FAILED -> counts[1]++;
                default -> counts[2]++;
            }
            if (r.outcome() != RowCheck.Outcome.VALID) {
                reasons.merge(r.category(), 1, Integer::sum);
                if (issues.size() < MAX_ISSUES_SHOWN) {
                    issues.add(new ImportPreview.Issue(rowNumber, r.outcome().name(), r.reason()));
                }
            }
            if (shown.size() < PREVIEW_ROWS) {
                shown.add(new ImportPreview.PreviewRow(
                        rowNumber, cells, r.details() == null ? null : asMap(r.details()), r.reason()));
            }
            return true;
        });
        return new ImportPreview(view, shown, counts[0], counts[1], counts[2], reasons, issues);
    }

    private static Map<String, Object> asMap(ContactDetails d) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "firstName", d.firstName());
        put(m, "lastName", d.lastName());
        put(m, "email", d.email());
        put(m, "phone", d.phone());
        put(m, "company", d.company());
        put(m, "jobTitle", d.jobTitle());
        put(m, "city", d.city());
        put(m, "country", d.country());
        put(m, "timezone", d.timezone());
        put(m, "source", d.source());
        if (d.tags() != null && !d.tags().isEmpty()) {
            m.put("tags", d.tags());
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static void requireUploaded(ImportView view) {
        if (!view.status().equals("UPLOADED")) {
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "This import has already started (" + view.status() + ")",
                    Map.of("status", view.status()));
        }
    }

    /** The mapping as fields; 400 for an unknown key, a field used twice, or nothing that identifies a person. */
    static List<ImportField> fields(List<String> columns, int headers) {
        if (columns == null) {
            throw ApiException.invalidField("columns", "are required: one field (or null) per header");
        }
        if (columns.size() != headers) {
            throw ApiException.invalidField(
                    "columns", "must list one field (or null) for each of the " + headers + " headers");
        }
        List<ImportField> fields = new ArrayList<>();
        for (String key : columns) {
            if (key == null || key.isBlank()) {
                fields.add(null);
                continue;
            }
            ImportField f = ImportField.ofKey(key)
                    .orElseThrow(() -> ApiException.invalidField("columns", "has an unknown field: " + key));
            if (f != ImportField.TAGS && fields.contains(f)) {
                throw ApiException.invalidField("columns", "map " + key + " to one column only");
            }
            fields.add(f);
        }
        if (fields.stream()
                .noneMatch(f -> f == ImportField.EMAIL
                        || f == ImportField.PHONE
                        || f == ImportField.NAME
                        || f == ImportField.FIRST_NAME
                        || f == ImportField.LAST_NAME)) {
            throw ApiException.invalidField("columns", "must map at least an email, a phone or a name column");
        }
        return fields;
    }

    private byte[] content(TenantId tenant, UUID id) {
        return jdbc.sql("select content from import_files where tenant_id = ? and import_id = ?")
                .params(tenant.value(), id)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .orElseThrow(() -> ApiException.notFound("Import", id));
    }

    private static Object[] issue(Row row, String outcome, String reason) {
        return new Object[] {
            row.rowNumber(), outcome, reason == null ? outcome.toLowerCase(Locale.ROOT) : reason, json(row.cells())
        };
    }

    static String headerKey(List<String> headers) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String joined = String.join(
                    "\u0001",
                    headers.stream()
                            .map(h -> h == null ? "" : h.strip().toLowerCase(Locale.ROOT))
                            .toList());
            return HexFormat.of().formatHex(sha.digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readColumns(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String SELECT = "select id, file_name, format, size_bytes, headers, columns, "
            + "mapping_remembered, campaign_id, "
            + "status, total_rows, processed_rows, created_count, updated_count, skipped_count, failed_count, "
            + "enrolled_count, cancel_requested, error, created_by_name, started_at, finished_at, created_at from imports";

    private static ImportView view(ResultSet rs, int n) throws SQLException {
        return new ImportView(
                rs.getObject("id", UUID.class),
                rs.getString("file_name"),
                ImportFormat.valueOf(rs.getString("format")),
                rs.getLong("size_bytes"),
                readColumns(rs.getString("headers")),
                readColumns(rs.getString("columns")),
                rs.getBoolean("mapping_remembered"),
                rs.getObject("campaign_id", UUID.class),
                rs.getString("status"),
                rs.getInt("total_rows"),
                rs.getInt("processed_rows"),
                rs.getInt("created_count"),
                rs.getInt("updated_count"),
                rs.getInt("skipped_count"),
                rs.getInt("failed_count"),
                rs.getInt("enrolled_count"),
                rs.getBoolean("cancel_requested"),
                rs.getString("error"),
                rs.getString("created_by_name"),
                ts(rs, "started_at"),
                ts(rs, "finished_at"),
                ts(rs, "created_at"));
    }

    private static java.time.Instant ts(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
