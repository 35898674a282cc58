package ai.revo.missioncontrol.safety;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.DataSubject;
import ai.revo.missioncontrol.platform.PersonalDataHolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The suppression list's part of a privacy request. Erasure keeps the person unreachable: each of their addresses
 * stays suppressed (on every channel it was, and e-mail on EMAIL, a phone on WHATSAPP and SMS in any case) only as
 * its keyed hash, and notes written about them are removed.
 */
@Component
class SuppressionPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final SafetyManagement safety;
    private final ErasedAddresses erased;

    SuppressionPersonalData(JdbcClient jdbc, SafetyManagement safety, ErasedAddresses erased) {
        this.jdbc = jdbc;
        this.safety = safety;
        this.erased = erased;
    }

    @Override
    public String section() {
        return "safety";
    }

    private record Address(Channel channel, String normalised) {}

    private List<Address> addresses(DataSubject subject) {
        String region = safety.region(new TenantId(subject.tenantId()));
        List<Address> out = new ArrayList<>();
        for (String value : subject.identifiers()) {
            if (value.contains("@")) {
                normalised(Channel.EMAIL, value, region).ifPresent(n -> out.add(new Address(Channel.EMAIL, n)));
            } else {
                for (Channel phone : List.of(Channel.WHATSAPP, Channel.SMS)) {
                    normalised(phone, value, region).ifPresent(n -> out.add(new Address(phone, n)));
                }
            }
        }
        return out;
    }

    private static java.util.Optional<String> normalised(Channel channel, String value, String region) {
        try {
            return java.util.Optional.of(
                    RecipientAddress.of(channel, value, region).value());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public Map<String, List<Object>> export(DataSubject subject) {
        List<Object> rows = new ArrayList<>();
        for (Address a : addresses(subject)) {
            rows.addAll(jdbc.sql("select channel, reason, created_at from suppressions where tenant_id = ?"
                            + " and address = ? and deleted_at is null")
                    .params(subject.tenantId(), a.normalised())
                    .query((rs, n) -> (Object) Map.of(
                            "channel", rs.getString(1),
                            "reason", rs.getString(2),
                            "createdAt", rs.getTimestamp(3).toInstant().toString()))
                    .list());
        }
        return Map.of("suppressions", rows);
    }

    @Override
    public void erase(DataSubject subject) {
        for (Address a : addresses(subject)) {
            String stored = erased.stored(a.normalised());
            // every row of the address, removed ones too: none may keep it in clear
            jdbc.sql("update suppressions set address = ?, note = null, updated_at = now() where tenant_id = ?"
                            + " and address = ? and not exists (select 1 from suppressions s where s.tenant_id = ?"
                            + " and s.channel = suppressions.channel and s.address = ? and s.deleted_at is null)")
                    .params(stored, subject.tenantId(), a.normalised(), subject.tenantId(), stored)
                    .update();
            jdbc.sql("delete from suppressions where tenant_id = ? and address = ?")
                    .params(subject.tenantId(), a.normalised())
                    .update();
            jdbc.sql(
                            "insert into suppressions (id, tenant_id, channel, address, reason, note, created_by)"
                                    + " select ?, ?, ?, ?, 'MANUAL', null, 'privacy erasure' where not exists (select 1 from"
                                    + " suppressions where tenant_id = ? and channel = ? and address = ? and deleted_at is null)")
                    .params(
                            UUID.randomUUID(),
                            subject.tenantId(),
                            a.channel().name(),
                            stored,
                            subject.tenantId(),
                            a.channel().name(),
                            stored)
                    .update();
        }
    }
}
