package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.platform.JdbcValueConverters;
import ai.revo.missioncontrol.platform.JsonColumns;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Stores a draft's quality checks and its sources as jsonb. */
@Component
class DraftJsonColumns implements JdbcValueConverters {

    /** The quality checks of a draft (filled by the AI agents), stored as one JSON object. */
    record Checks(@JsonValue Map<String, Object> values) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        Checks {
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }

    /** The knowledge passages a draft was written from, stored as one JSON array. */
    record Sources(@JsonValue List<DraftSource> values) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        Sources {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    private final ObjectMapper json;

    DraftJsonColumns(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<?> converters() {
        return JsonColumns.of(json, Checks.class, Sources.class);
    }
}
