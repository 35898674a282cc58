package ai.revo.missioncontrol.imports;

import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactQuery;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadQuery;
import ai.revo.missioncontrol.identity.TenantId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

/**
 * CSV exports of contacts, leads and an import's rows not imported. Every cell that a spreadsheet would read as a
 * formula (starting with {@code = + - @}, tab or carriage return) is written with a leading apostrophe.
 */
@Service
public class CsvExport {

    private final ContactManagement contacts;
    private final LeadManagement leads;
    private final Imports imports;

    CsvExport(ContactManagement contacts, LeadManagement leads, Imports imports) {
        this.contacts = contacts;
        this.leads = leads;
        this.imports = imports;
    }

    /** A cell a spreadsheet shows as text, never runs. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    public void contacts(TenantId tenant, ContactQuery query, OutputStream out) {
        try (CSVPrinter csv = printer(
                out,
                "id",
                "firstName",
                "lastName",
                "email",
                "phone",
                "company",
                "jobTitle",
                "city",
                "country",
                "timezone",
                "source",
                "tags",
                "createdAt")) {
            contacts.forEach(
                    tenant,
                    query,
                    c -> row(
                            csv,
                            c.id(),
                            c.firstName(),
                            c.lastName(),
                            c.email(),
                            c.phone(),
                            c.company(),
                            c.jobTitle(),
                            c.city(),
                            c.country(),
                            c.timezone(),
                            c.source(),
                            String.join(", ", c.tags()),
                            c.createdAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void leads(TenantId tenant, LeadQuery query, OutputStream out) {
        try (CSVPrinter csv = printer(
                out,
                "leadId",
                "campaignId",
                "contactId",
                "firstName",
                "lastName",
                "email",
                "phone",
                "company",
                "status",
                "score",
                "potentialValue",
                "currency",
                "lastContactedAt",
                "createdAt")) {
            leads.forEach(
                    tenant,
                    query,
                    l -> row(
                            csv,
                            l.id(),
                            l.campaignId(),
                            l.contactId(),
                            l.contact().firstName(),
                            l.contact().lastName(),
                            l.contact().email(),
                            l.contact().phone(),
                            l.contact().company(),
                            l.status(),
                            l.effectiveScore(),
                            l.potentialValue(),
                            l.currency(),
                            l.lastContactedAt(),
                            l.createdAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows an import did not import: row number, outcome, reason, then the file's own columns. */
    public void issues(TenantId tenant, UUID importId, OutputStream out) {
        ImportView view = imports.get(tenant, importId);
        List<String> header = new ArrayList<>(List.of("row", "outcome", "reason"));
        header.addAll(view.headers());
        try (CSVPrinter csv = printer(out, header.toArray(String[]::new))) {
            imports.issues(tenant, importId, issue -> {
                List<Object> cells = new ArrayList<>(List.of(issue.rowNumber(), issue.outcome(), issue.reason()));
                cells.addAll(issue.cells());
                row(csv, cells.toArray());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CSVPrinter printer(OutputStream out, String... header) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so spreadsheets read UTF-8
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        csv.printRecord(Arrays.stream(header).map(CsvExport::neutralise).toList());
        return csv;
    }

    private static void row(CSVPrinter csv, Object... values) {
        try {
            csv.printRecord(Arrays.stream(values)
                    .map(v -> v == null ? "" : neutralise(v.toString()))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
