package ai.revo.missioncontrol.notifications;

import ai.revo.missioncontrol.platform.PersonalDataTables;
import ai.revo.missioncontrol.platform.TablePersonalData;
import org.springframework.stereotype.Component;

/** This module's part of a privacy request: its own tables' rows about the person, exported or erased. */
@Component
class NotificationPersonalData extends TablePersonalData {

    NotificationPersonalData(PersonalDataTables tables) {
        super(tables, "notifications", "notifications:*");
    }
}
