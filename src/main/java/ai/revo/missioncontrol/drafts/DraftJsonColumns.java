package ai.revo.missioncontrol.drafts;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.postgresql.util.PGobject;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.revo.missioncontrol.platform.JdbcValueConverters;

/** Stores a draft's quality checks as jsonb. */
@Component
class DraftJsonColumns implements JdbcValueConverters {

    /** The quality checks of a draft (filled by the AI agents), stored as one JSON object. */
    record Checks(Map<String, Object> values) {
        Checks {
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }

    private final ObjectMapper json;

    DraftJsonColumns(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<?> converters() {
        return List.of(new ChecksWriter(), new ChecksReader());
    }

    @WritingConverter
    private final class ChecksWriter implements Converter<Checks, PGobject> {
        @Override
        public PGobject convert(Checks source) {
            try {
                PGobject object = new PGobject();
                object.setType("jsonb");
                object.setValue(json.writeValueAsString(source.values()));
                return object;
            } catch (JsonProcessingException | SQLException e) {
                throw new IllegalStateException("Cannot store draft checks", e);
            }
        }
    }

    @ReadingConverter
    private final class ChecksReader implements Converter<PGobject, Checks> {
        @Override
        public Checks convert(PGobject source) {
            try {
                return new Checks(json.readValue(source.getValue(), new TypeReference<Map<String, Object>>() {
                }));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored draft checks are not readable", e);
            }
        }
    }
}
