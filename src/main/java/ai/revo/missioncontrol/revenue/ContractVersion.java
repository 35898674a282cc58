package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/** One version of a contract's merged text, never changed once written. */
@Table("contract_versions")
record ContractVersion(
        TenantId tenantId,
        int number,
        String body,
        String reason,
        String author,
        Instant createdAt,
        Instant updatedAt) {

    ContractView.Version view() {
        return new ContractView.Version(number, body, reason, author, createdAt);
    }
}
