package ai.revo.missioncontrol.imports;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Runs an import on a scheduler thread: reads the file as a stream, checks every row (so duplicates in the file are
 * found from the first row on, also when resuming), and hands the rows after the last committed one to
 * {@link Imports#applyBatch} a thousand at a time, each batch its own transaction. Stops when a cancel is seen.
 */
@Component
class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final Imports imports;

    ImportWorker(Imports imports) {
        this.imports = imports;
    }

    void run(TenantId tenant, UUID id) {
        Imports.Job job = imports.begin(tenant, id);
        if (job == null) {
            return;
        }
        try {
            RowCheck check = new RowCheck(job.columns(), job.region());
            List<Imports.Row> batch = new ArrayList<>(Imports.BATCH);
            boolean[] going = {true};
            SheetReader.read(job.content(), job.format(), (rowNumber, cells) -> {
                if (rowNumber == 1) {
                    return true;
                }
                RowCheck.Result result = check.check(rowNumber, cells);
                if (result.outcome() == RowCheck.Outcome.BLANK || rowNumber <= job.nextRow()) {
                    return true;
                }
                batch.add(new Imports.Row(rowNumber, cells, result));
                if (batch.size() >= Imports.BATCH) {
                    going[0] = apply(tenant, job, batch);
                    batch.clear();
                }
                return going[0];
            });
            if (going[0] && !batch.isEmpty()) {
                going[0] = apply(tenant, job, batch);
            }
            if (going[0]) {
                imports.finish(tenant, id, "COMPLETED", null);
            }
        } catch (RuntimeException e) {
            log.warn("Import {} failed", id, e);
            imports.finish(
                    tenant, id, "FAILED", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private boolean apply(TenantId tenant, Imports.Job job, List<Imports.Row> batch) {
        try {
            return imports.applyBatch(tenant, job, List.copyOf(batch));
        } catch (DataIntegrityViolationException raced) {
            // someone created one of these contacts meanwhile: the batch rolled back; its second try sees them
            return imports.applyBatch(tenant, job, List.copyOf(batch));
        }
    }
}
