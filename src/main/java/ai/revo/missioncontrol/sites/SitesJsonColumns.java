package ai.revo.missioncontrol.sites;

import ai.revo.missioncontrol.platform.JdbcValueConverters;
import ai.revo.missioncontrol.platform.JsonColumns;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.stereotype.Component;

/** Stores a site's data types and mapping as jsonb. */
@Component
class SitesJsonColumns implements JdbcValueConverters {

    /** The kinds of data a site sends (leads, bookings, ...), as one JSON array. */
    record DataTypes(@JsonValue List<String> values) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        DataTypes {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    private final ObjectMapper json;

    SitesJsonColumns(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<?> converters() {
        return JsonColumns.of(json, DataTypes.class, SiteMapping.class);
    }
}
