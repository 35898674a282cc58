package ai.revo.missioncontrol.sms;

import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataTables;
import ai.revo.missioncontrol.platform.TablePersonalData;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This module's part of a privacy request: Twilio's callbacks and inbound messages as received. Their form
 * parameters (JSON) hold the person's number as {@code From} or {@code To} and an inbound message's words, so the
 * rows from or to one of the person's numbers are theirs: exported, and scrubbed of their names too.
 */
@Component
class SmsPersonalData extends TablePersonalData {

    private final JdbcClient jdbc;

    SmsPersonalData(PersonalDataTables tables, JdbcClient jdbc) {
        super(tables, "sms", "sms_webhook_events:id,*");
        this.jdbc = jdbc;
    }

    @Override
    protected DataSubject expand(DataSubject subject) {
        String[] numbers = subject.identifiers().stream()
                .filter(v -> v.matches("\\+?[0-9]{6,16}"))
                .toArray(String[]::new);
        if (numbers.length == 0) {
            return subject;
        }
        return subject.with(jdbc.sql("select id from sms_webhook_events where tenant_id = :tenant"
                        + " and (params ->> 'From' = any(:numbers) or params ->> 'To' = any(:numbers))")
                .param("tenant", subject.tenantId())
                .param("numbers", numbers)
                .query(UUID.class)
                .list());
    }
}
