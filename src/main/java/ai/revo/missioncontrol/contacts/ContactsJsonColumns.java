package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.platform.JdbcValueConverters;
import ai.revo.missioncontrol.platform.JsonColumns;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Stores a contact's tags and custom fields as jsonb. */
@Component
class ContactsJsonColumns implements JdbcValueConverters {

    /** A contact's tags, stored as one JSON array. */
    record Tags(@JsonValue List<String> values) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        Tags {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** A contact's custom fields, stored as one JSON object. */
    record CustomFields(@JsonValue Map<String, Object> values) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        CustomFields {
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }

    private final ObjectMapper json;

    ContactsJsonColumns(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<?> converters() {
        return JsonColumns.of(json, Tags.class, CustomFields.class);
    }
}
