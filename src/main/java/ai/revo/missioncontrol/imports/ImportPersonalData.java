package ai.revo.missioncontrol.imports;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This module's part of a privacy request: its own tables' rows about the person, exported or erased. The uploaded
 * spreadsheets themselves are read cell by cell (an XLSX is compressed, so its bytes cannot be searched): a file
 * with a cell naming the person is deleted, and an import still waiting for it is cancelled.
 */
@Component
class ImportPersonalData implements PersonalDataHolder {

    private static final String[] TABLES = {"import_row_issues:*", "imports"};

    static final String ERASED_FILE = "The uploaded file was deleted by a privacy erasure";

    private final PersonalDataTables tables;
    private final JdbcClient jdbc;
    private final Imports imports;

    ImportPersonalData(PersonalDataTables tables, JdbcClient jdbc, Imports imports) {
        this.tables = tables;
        this.jdbc = jdbc;
        this.imports = imports;
    }

    @Override
    public String section() {
        return "imports";
    }

    @Override
    public Map<String, List<Object>> export(DataSubject subject) {
        Map<String, List<Object>> out = new LinkedHashMap<>(tables.export(subject, TABLES));
        List<Object> files = new ArrayList<>();
        for (FileRef f : filesNaming(subject)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("import_id", f.id());
            row.put("file_name", f.fileName());
            row.put("rows_naming_the_person", f.rows());
            files.add(row);
        }
        out.put("import_files", files);
        return out;
    }

    @Override
    public void erase(DataSubject subject) {
        for (FileRef f : filesNaming(subject)) {
            jdbc.sql("delete from import_files where tenant_id = ? and import_id = ?")
                    .params(subject.tenantId(), f.id())
                    .update();
            if (!f.finished()) {
                imports.finish(new TenantId(subject.tenantId()), f.id(), "CANCELLED", ERASED_FILE);
            }
        }
        tables.blankWhereMentioned(subject, "import_row_issues", "cells");
        tables.scrub(subject, TABLES);
    }

    private record FileRef(UUID id, String fileName, boolean finished, List<Integer> rows) {}

    /** The workspace's uploaded files with a cell holding one of the person's identifiers, one file in memory at a time. */
    private List<FileRef> filesNaming(DataSubject subject) {
        String regex = PersonalDataTables.pattern(subject.identifiers());
        if (regex == null) {
            return List.of();
        }
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        record Ref(UUID id, String fileName, String format, String status) {}
        List<Ref> refs = jdbc.sql("select i.id, i.file_name, i.format, i.status from imports i join import_files f"
                        + " on f.tenant_id = i.tenant_id and f.import_id = i.id where i.tenant_id = ?")
                .param(subject.tenantId())
                .query((rs, n) ->
                        new Ref(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        List<FileRef> naming = new ArrayList<>();
        for (Ref ref : refs) {
            byte[] content = jdbc.sql("select content from import_files where tenant_id = ? and import_id = ?")
                    .params(subject.tenantId(), ref.id())
                    .query((rs, n) -> rs.getBytes(1))
                    .single();
            List<Integer> rows = new ArrayList<>();
            try {
                SheetReader.read(content, ImportFormat.valueOf(ref.format()), (rowNumber, cells) -> {
                    for (String cell : cells) {
                        if (cell != null && pattern.matcher(cell).find()) {
                            rows.add(rowNumber);
                            break;
                        }
                    }
                    return true;
                });
            } catch (RuntimeException unreadable) {
                // a file that cannot be read as its format cannot be searched: its raw bytes are searched instead
                if (pattern.matcher(new String(content, java.nio.charset.StandardCharsets.UTF_8))
                        .find()) {
                    rows.add(0);
                }
            }
            if (!rows.isEmpty()) {
                boolean finished = List.of("COMPLETED", "CANCELLED", "FAILED").contains(ref.status());
                naming.add(new FileRef(ref.id(), ref.fileName(), finished, rows));
            }
        }
        return naming;
    }
}
