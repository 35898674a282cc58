package ai.revo.missioncontrol.imports.web;

import ai.revo.missioncontrol.contacts.ContactQuery;
import ai.revo.missioncontrol.contacts.LeadQuery;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.Score;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.imports.CsvExport;
import ai.revo.missioncontrol.imports.ImportPreview;
import ai.revo.missioncontrol.imports.ImportView;
import ai.revo.missioncontrol.imports.Imports;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@Tag(name = "Imports and exports")
class ImportController {

    private final Imports imports;
    private final CsvExport exports;

    ImportController(Imports imports, CsvExport exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Upload a CSV or XLSX file of contacts (up to 50 MB, 200,000 rows)",
            description = "Row 1 names the columns. The answer suggests a mapping: the one last used for the same "
                    + "headers (mappingRemembered), else guessed from the header names.")
    ImportView upload(CurrentUser user, @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw ApiException.invalidField("file", "is required (multipart field 'file')");
        }
        return imports.upload(user.tenantId(), file.getOriginalFilename(), file.getBytes(), user.actor());
    }

    @GetMapping("/api/v1/imports")
    @Operation(summary = "The workspace's imports, newest first")
    PageResult<ImportView> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return imports.list(user.tenantId(), new PageQuery(page, limit));
    }

    @GetMapping("/api/v1/imports/{id}")
    @Operation(summary = "One import with its progress and counts")
    ImportView get(CurrentUser user, @PathVariable UUID id) {
        return imports.get(user.tenantId(), id);
    }

    @GetMapping("/api/v1/imports/{id}/preview")
    @Operation(summary = "The first rows with what each becomes, and the whole file's validation")
    ImportPreview preview(CurrentUser user, @PathVariable UUID id) {
        return imports.preview(user.tenantId(), id);
    }

    /** One field key (or null to ignore the column) per header, and optionally a campaign to enrol everyone in. */
    record Mapping(List<String> columns, UUID campaignId) {}

    @PutMapping("/api/v1/imports/{id}/mapping")
    @Operation(
            summary = "Set the column mapping (remembered for files with the same headers); returns the preview",
            description = "Fields: firstName, lastName, name, email, phone, company, jobTitle, city, country, "
                    + "timezone, source, tags.")
    ImportPreview map(CurrentUser user, @PathVariable UUID id, @RequestBody Mapping mapping) {
        return imports.map(
                user.tenantId(),
                id,
                mapping == null ? null : mapping.columns(),
                mapping == null ? null : mapping.campaignId(),
                user.actor());
    }

    @PostMapping("/api/v1/imports/{id}/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Run the import in the background; follow it with GET /api/v1/imports/{id}")
    ImportView start(CurrentUser user, @PathVariable UUID id) {
        return imports.start(user.tenantId(), id, user.actor());
    }

    @PostMapping("/api/v1/imports/{id}/cancel")
    @Operation(summary = "Stop the import after its current batch (what was written stays)")
    ImportView cancel(CurrentUser user, @PathVariable UUID id) {
        return imports.cancel(user.tenantId(), id, user.actor());
    }

    @GetMapping(path = "/api/v1/imports/{id}/issues.csv")
    @Operation(summary = "The rows not imported (failed, or skipped as duplicates) with row number and reason")
    ResponseEntity<StreamingResponseBody> issues(CurrentUser user, @PathVariable UUID id) {
        imports.get(user.tenantId(), id);
        return csv("import-" + id + "-not-imported.csv", out -> exports.issues(user.tenantId(), id, out));
    }

    @GetMapping(path = "/api/v1/exports/contacts.csv")
    @Operation(summary = "Contacts as CSV, with the same filters as the contact list")
    ResponseEntity<StreamingResponseBody> contacts(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) LeadStatus leadStatus,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String source) {
        ContactQuery query = new ContactQuery(q, campaignId, leadStatus, tag, source);
        return csv("contacts.csv", out -> exports.contacts(user.tenantId(), query, out));
    }

    @GetMapping(path = "/api/v1/exports/leads.csv")
    @Operation(summary = "Leads as CSV, with the same filters as the lead list")
    ResponseEntity<StreamingResponseBody> leads(
            CurrentUser user,
            @RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) Score score,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String q) {
        LeadQuery query = new LeadQuery(status, score, campaignId, ownerId, q);
        return csv("leads.csv", out -> exports.leads(user.tenantId(), query, out));
    }

    private static ResponseEntity<StreamingResponseBody> csv(String name, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }
}
