package ai.revo.missioncontrol.webhooks;

import ai.revo.missioncontrol.platform.PersonalDataTables;
import ai.revo.missioncontrol.platform.TablePersonalData;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class WebhookPersonalData extends TablePersonalData {

    WebhookPersonalData(PersonalDataTables tables) {
        super(tables, "webhooks", "webhook_deliveries:*");
    }
}
