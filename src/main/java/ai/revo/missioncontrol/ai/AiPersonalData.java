package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.platform.PersonalDataTables;
import ai.revo.missioncontrol.platform.TablePersonalData;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class AiPersonalData extends TablePersonalData {

    AiPersonalData(PersonalDataTables tables) {
        super(tables, "ai", "llm_logs:entity_id,*", "ai_feedback:*");
    }
}
