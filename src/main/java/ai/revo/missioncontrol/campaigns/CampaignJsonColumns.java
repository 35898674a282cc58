package ai.revo.missioncontrol.campaigns;

import java.sql.SQLException;
import java.util.List;

import org.postgresql.util.PGobject;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.revo.missioncontrol.platform.JdbcValueConverters;
import ai.revo.missioncontrol.safety.Channel;

/** Stores a campaign's persona, criteria and channels as jsonb columns. */
@Component
class CampaignJsonColumns implements JdbcValueConverters {

    private final ObjectMapper json;

    CampaignJsonColumns(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<?> converters() {
        return List.of(new PersonaWriter(), new CriteriaWriter(), new ChannelsWriter(), new PersonaReader(),
                new CriteriaReader(), new ChannelsReader());
    }

    private PGobject jsonb(Object value) {
        try {
            PGobject object = new PGobject();
            object.setType("jsonb");
            object.setValue(json.writeValueAsString(value));
            return object;
        } catch (JsonProcessingException | SQLException e) {
            throw new IllegalStateException("Cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(PGobject source, Class<T> type) {
        try {
            return json.readValue(source.getValue(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    @WritingConverter
    private final class PersonaWriter implements Converter<Persona, PGobject> {
        @Override
        public PGobject convert(Persona source) {
            return jsonb(source);
        }
    }

    @WritingConverter
    private final class CriteriaWriter implements Converter<Criteria, PGobject> {
        @Override
        public PGobject convert(Criteria source) {
            return jsonb(source);
        }
    }

    @ReadingConverter
    private final class PersonaReader implements Converter<PGobject, Persona> {
        @Override
        public Persona convert(PGobject source) {
            return read(source, Persona.class);
        }
    }

    @ReadingConverter
    private final class CriteriaReader implements Converter<PGobject, Criteria> {
        @Override
        public Criteria convert(PGobject source) {
            return read(source, Criteria.class);
        }
    }

    @WritingConverter
    private final class ChannelsWriter implements Converter<CampaignChannels, PGobject> {
        @Override
        public PGobject convert(CampaignChannels source) {
            return jsonb(source.sorted());
        }
    }

    @ReadingConverter
    private final class ChannelsReader implements Converter<PGobject, CampaignChannels> {
        @Override
        public CampaignChannels convert(PGobject source) {
            try {
                List<Channel> values = json.readValue(source.getValue(), new TypeReference<List<Channel>>() {
                });
                return new CampaignChannels(values.isEmpty() ? null : java.util.EnumSet.copyOf(values));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored channels are not readable", e);
            }
        }
    }
}
