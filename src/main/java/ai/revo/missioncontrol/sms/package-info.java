/**
 * SMS over Twilio: a workspace's Twilio account (auth token sealed at rest, never returned), the signed webhook
 * ({@code X-Twilio-Signature} verified before anything is stored, stored once per MessageSid and status, processed as
 * durable work) whose status callbacks move the outbound message's receipt. Implements
 * {@link ai.revo.missioncontrol.outbound.SmsAccounts}; the adapter itself lives in outbound. Publishes {@code sms.*}
 * events; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "SMS",
        allowedDependencies = {"identity", "safety", "outbound", "platform :: secrets"})
package ai.revo.missioncontrol.sms;
