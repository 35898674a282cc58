package ai.revo.missioncontrol.sms;

import ai.revo.missioncontrol.platform.PersonalDataTables;
import ai.revo.missioncontrol.platform.TablePersonalData;
import org.springframework.stereotype.Component;

/**
 * This module's part of a privacy request: Twilio's callbacks and inbound messages as received (their parameters
 * hold the person's number as From or To, an inbound one their words), found by what they mention.
 */
@Component
class SmsPersonalData extends TablePersonalData {

    SmsPersonalData(PersonalDataTables tables) {
        super(tables, "sms", "sms_webhook_events:*");
    }
}
