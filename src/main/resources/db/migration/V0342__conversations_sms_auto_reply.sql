-- A campaign's switch for sending the AI's SMS replies without a person: off by default (and for every campaign that
-- exists), so an SMS reply the AI wrote waits in the approval inbox until a person approves it. The WhatsApp switch
-- (auto_reply) stays as it is: switching one channel on never switches the other.
ALTER TABLE conversation_campaign_settings ADD COLUMN sms_auto_reply boolean NOT NULL DEFAULT false;
