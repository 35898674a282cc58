package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The SMS channel over Twilio's Messages API, from the workspace's account ({@link SmsAccounts}): its messaging
 * service, else its from-number; each message asks Twilio to report its status to the workspace's signed webhook.
 * Twilio's errors, one table:
 *
 * <ul>
 *   <li>21610 (the recipient replied STOP to this sender) → BLOCKED_SUPPRESSED, and the number goes on the
 *       workspace's SMS suppression list, so nothing tries it again;
 *   <li>20003 (authentication failed), 21606, 21212, 21659 (the sender is not a usable number of the account), 21703,
 *       21704, 21705 (the messaging service cannot send) → BLOCKED_NOT_CONFIGURED: fix Settings → SMS;
 *   <li>20429 or HTTP 429 (too many requests) → backs off and tries again, at most {@code mc.twilio.rate-retries}
 *       times, then FAILED;
 *   <li>anything else (21211 invalid number, 21614 not a mobile number, 21408 region not enabled ...) → FAILED with
 *       Twilio's code and message.
 * </ul>
 *
 * No answer after the request went out (a timeout) is UNKNOWN, never FAILED: Twilio may have the message. Off with
 * {@code mc.outbound.sms.enabled=false} (the tests' stand-in adapters take its place).
 */
@Component
@ConditionalOnProperty(prefix = "mc.outbound.sms", name = "enabled", havingValue = "true", matchIfMissing = true)
class TwilioSmsAdapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(TwilioSmsAdapter.class);

    static final int UNSUBSCRIBED = 21610;
    static final Set<Integer> NOT_CONFIGURED = Set.of(20003, 21606, 21212, 21659, 21703, 21704, 21705);

    private final TwilioMessages twilio;
    private final ObjectProvider<SmsAccounts> accounts;
    private final SafetyManagement safety;
    private final Duration rateBackoff;
    private final int rateRetries;

    TwilioSmsAdapter(
            TwilioMessages twilio,
            ObjectProvider<SmsAccounts> accounts,
            SafetyManagement safety,
            @Value("${mc.twilio.rate-backoff:1s}") Duration rateBackoff,
            @Value("${mc.twilio.rate-retries:2}") int rateRetries) {
        this.twilio = twilio;
        this.accounts = accounts;
        this.safety = safety;
        this.rateBackoff = rateBackoff;
        this.rateRetries = rateRetries;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean isConfigured(TenantId tenant) {
        SmsAccounts a = accounts.getIfAvailable();
        return a != null && a.accountOf(tenant).isPresent();
    }

    @Override
    public Delivery send(TenantId tenant, OutboundMessage message) throws Exception {
        SmsAccounts a = accounts.getIfAvailable();
        SmsAccounts.Account account = (a == null
                        ? java.util.Optional.<SmsAccounts.Account>empty()
                        : a.accountOf(tenant))
                .orElseThrow(() -> new ProviderRefusal(
                        OutboundStatus.BLOCKED_NOT_CONFIGURED, "No Twilio account is connected for SMS"));
        Map<String, String> form = TwilioMessages.form();
        form.put("To", message.to().trim());
        if (account.messagingServiceSid() != null) {
            form.put("MessagingServiceSid", account.messagingServiceSid());
        } else {
            form.put("From", account.fromNumber());
        }
        form.put("Body", message.body());
        form.put("StatusCallback", account.callbackUrl());
        int rateTries = 0;
        while (true) {
            HttpResponse<String> response;
            try {
                response = twilio.create(account.accountSid(), account.authToken(), form);
            } catch (HttpConnectTimeoutException | ConnectException e) {
                throw new IllegalStateException(
                        "Twilio could not be reached: " + e.getClass().getSimpleName(), e);
            } catch (HttpTimeoutException e) {
                throw new OutcomeUnknown("Twilio did not answer in time; it may or may not have the message", e);
            } catch (java.io.IOException e) {
                throw new OutcomeUnknown(
                        "The connection to Twilio broke while sending ("
                                + e.getClass().getSimpleName() + "); it may or may not have the message",
                        e);
            }
            JsonNode answer = twilio.parse(response.body());
            if (response.statusCode() / 100 == 2) {
                String sid = answer.path("sid").asText(null);
                if (sid == null) {
                    throw new IllegalStateException("Twilio accepted the message but returned no sid");
                }
                return new Delivery(sid, response.body());
            }
            TwilioMessages.TwilioError error = TwilioMessages.TwilioError.of(response.statusCode(), answer);
            if (error.code() == 20429 || response.statusCode() == 429) {
                if (rateTries++ < rateRetries) {
                    Duration wait = rateBackoff.multipliedBy(1L << (rateTries - 1));
                    log.info("Twilio rate limit ({}): trying again in {}", error.describe(), wait);
                    Thread.sleep(wait.toMillis());
                    continue;
                }
                throw new IllegalStateException(error.describe() + "; gave up after " + rateRetries + " retries");
            }
            if (error.code() == UNSUBSCRIBED) {
                suppress(tenant, message.to(), error);
                throw new ProviderRefusal(
                        OutboundStatus.BLOCKED_SUPPRESSED,
                        "The recipient has unsubscribed from this sender by replying STOP (" + error.describe()
                                + "); the number is now on the suppression list");
            }
            if (NOT_CONFIGURED.contains(error.code()) || response.statusCode() == 401) {
                throw new ProviderRefusal(
                        OutboundStatus.BLOCKED_NOT_CONFIGURED,
                        "Twilio refused the workspace's SMS account or sender: check Settings → SMS ("
                                + error.describe() + ")");
            }
            throw new IllegalStateException(error.describe());
        }
    }

    private void suppress(TenantId tenant, String to, TwilioMessages.TwilioError error) {
        try {
            safety.suppress(
                    tenant,
                    Channel.SMS,
                    to,
                    "UNSUBSCRIBED",
                    "Twilio " + error.code() + ": replied STOP",
                    Actor.system());
        } catch (ApiException e) {
            // already suppressed (409): nothing more to do
            log.debug("SMS suppression of a 21610 recipient not added: {}", e.getMessage());
        }
    }
}
