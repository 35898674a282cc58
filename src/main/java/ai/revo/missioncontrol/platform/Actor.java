package ai.revo.missioncontrol.platform;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/** Who caused an event: a person, an AI agent, or the system itself. {@code id} is null for the system. */
public record Actor(Type type, String id, String name) {

    public enum Type {
        USER,
        AGENT,
        SYSTEM
    }

    public Actor {
        Objects.requireNonNull(type, "actor type must not be null");
    }

    public static Actor user(Object id, String name) {
        return new Actor(Type.USER, String.valueOf(id), name);
    }

    public static Actor agent(Object id, String name) {
        return new Actor(Type.AGENT, String.valueOf(id), name);
    }

    public static Actor system() {
        return new Actor(Type.SYSTEM, null, "system");
    }

    /** Changes by people and agents are written to the audit log; the system's own are only events. */
    @JsonIgnore
    public boolean isAudited() {
        return type != Type.SYSTEM;
    }
}
