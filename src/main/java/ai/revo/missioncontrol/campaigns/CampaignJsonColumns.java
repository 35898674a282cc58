package ai.revo.missioncontrol.campaigns;

import ai.revo.missioncontrol.platform.JdbcValueConverters;
import ai.revo.missioncontrol.platform.JsonColumns;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.stereotype.Component;

/** Stores a campaign's persona, criteria and channels as jsonb columns. */
@Component
class CampaignJsonColumns implements JdbcValueConverters {

    private final ObjectMapper json;

    CampaignJsonColumns(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<?> converters() {
        return JsonColumns.of(json, Persona.class, Criteria.class, CampaignChannels.class);
    }
}
