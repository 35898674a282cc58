package ai.revo.missioncontrol.contacts;

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

/** Stores a contact's tags and custom fields as jsonb. */
@Component
class ContactsJsonColumns implements JdbcValueConverters {

    /** A contact's tags, stored as one JSON array. */
    record Tags(List<String> values) {
        Tags {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** A contact's custom fields, stored as one JSON object. */
    record CustomFields(Map<String, Object> values) {
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
        return List.of(new TagsWriter(), new TagsReader(), new FieldsWriter(), new FieldsReader());
    }

    private PGobject jsonb(Object value) {
        try {
            PGobject object = new PGobject();
            object.setType("jsonb");
            object.setValue(json.writeValueAsString(value));
            return object;
        } catch (JsonProcessingException | SQLException e) {
            throw new IllegalStateException("Cannot store JSON", e);
        }
    }

    private <T> T read(PGobject source, TypeReference<T> type) {
        try {
            return json.readValue(source.getValue(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not readable", e);
        }
    }

    @WritingConverter
    private final class TagsWriter implements Converter<Tags, PGobject> {
        @Override
        public PGobject convert(Tags source) {
            return jsonb(source.values());
        }
    }

    @ReadingConverter
    private final class TagsReader implements Converter<PGobject, Tags> {
        @Override
        public Tags convert(PGobject source) {
            return new Tags(read(source, new TypeReference<List<String>>() {
            }));
        }
    }

    @WritingConverter
    private final class FieldsWriter implements Converter<CustomFields, PGobject> {
        @Override
        public PGobject convert(CustomFields source) {
            return jsonb(source.values());
        }
    }

    @ReadingConverter
    private final class FieldsReader implements Converter<PGobject, CustomFields> {
        @Override
        public CustomFields convert(PGobject source) {
            return new CustomFields(read(source, new TypeReference<Map<String, Object>>() {
            }));
        }
    }
}
