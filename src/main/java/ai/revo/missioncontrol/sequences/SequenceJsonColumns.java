package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.platform.JdbcValueConverters;
import ai.revo.missioncontrol.platform.JsonColumns;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.stereotype.Component;

/** Stores a sequence's steps and its winner rule as jsonb. */
@Component
class SequenceJsonColumns implements JdbcValueConverters {

    private final ObjectMapper json;

    SequenceJsonColumns(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<?> converters() {
        return JsonColumns.of(json, SequenceSteps.class, Sequence.Winner.class);
    }
}
