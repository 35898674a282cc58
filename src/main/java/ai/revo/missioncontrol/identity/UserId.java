package ai.revo.missioncontrol.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A user's id. */
public record UserId(@JsonValue UUID value) implements Serializable {

    public UserId {
        Objects.requireNonNull(value, "user id must not be null");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @JsonCreator
    public static UserId of(String value) {
        return new UserId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
