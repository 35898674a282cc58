/**
 * WhatsApp Business (Meta's Cloud API): a workspace's connected number (token and app secret sealed at rest), the
 * signed webhook (verified on the raw body, stored, processed once per message as durable work), who writes to the
 * number (by wa_id and business-scoped user id), inbound safety (stop words, VADER sentiment → DND and suppression),
 * and delivery receipts handed to the outbound gateway. Implements {@link ai.revo.missioncontrol.outbound.WhatsAppAccounts};
 * messages become conversations through the conversations module. Publishes {@code whatsapp.*} events; listens to
 * nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "WhatsApp",
        allowedDependencies = {
            "identity",
            "contacts",
            "campaigns",
            "safety",
            "outbound",
            "conversations",
            "ai",
            "platform :: secrets"
        })
package ai.revo.missioncontrol.whatsapp;
