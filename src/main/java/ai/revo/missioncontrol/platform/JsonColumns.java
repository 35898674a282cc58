package ai.revo.missioncontrol.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.postgresql.util.PGobject;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * Spring Data JDBC converters that store value types as PostgreSQL {@code jsonb} columns, using the application's
 * JSON mapping of each type. A module returns them from its {@link JdbcValueConverters}.
 */
public final class JsonColumns {

    private JsonColumns() {}

    /** A writing and a reading converter for each of {@code types}. */
    public static List<Object> of(ObjectMapper json, Class<?>... types) {
        List<Object> converters = new ArrayList<>();
        for (Class<?> type : types) {
            converters.add(new Writer(json, type));
            converters.add(new Reader(json, type));
        }
        return converters;
    }

    @WritingConverter
    private record Writer(ObjectMapper json, Class<?> type) implements GenericConverter {
        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(type, PGobject.class));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (source == null) {
                return null;
            }
            try {
                PGobject object = new PGobject();
                object.setType("jsonb");
                object.setValue(json.writeValueAsString(source));
                return object;
            } catch (JsonProcessingException | SQLException e) {
                throw new IllegalStateException("Cannot store " + type.getSimpleName() + " as JSON", e);
            }
        }
    }

    @ReadingConverter
    private record Reader(ObjectMapper json, Class<?> type) implements GenericConverter {
        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(PGobject.class, type));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (source == null) {
                return null;
            }
            try {
                return json.readValue(((PGobject) source).getValue(), type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored " + type.getSimpleName() + " is not readable", e);
            }
        }
    }
}
