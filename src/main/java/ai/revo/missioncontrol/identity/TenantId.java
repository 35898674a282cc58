package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.TenantScoped;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A workspace's id. */
public record TenantId(@JsonValue UUID value) implements TenantScoped, Serializable {

    public TenantId {
        Objects.requireNonNull(value, "tenant id must not be null");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @JsonCreator
    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @Override
    public UUID tenantUuid() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
