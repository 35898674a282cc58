/**
 * SMS over Twilio: a workspace's Twilio account (auth token sealed at rest, never returned), the signed webhook
 * ({@code X-Twilio-Signature} verified before anything is stored, stored once per MessageSid and status, processed as
 * durable work) whose status callbacks move the outbound message's receipt, and incoming messages: STOP and the
 * other opt-out keywords suppress the number for SMS, START lifts that opt-out, and replies (HELP too) are filed into
 * the contact's SMS conversation through the conversations module. Implements
 * {@link ai.revo.missioncontrol.outbound.SmsAccounts}; the adapter itself lives in outbound. Publishes {@code sms.*}
 * events; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "SMS",
        allowedDependencies = {"identity", "contacts", "safety", "outbound", "conversations", "platform :: secrets"})
package ai.revo.missioncontrol.sms;
