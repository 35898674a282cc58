package ai.revo.missioncontrol.sms;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's Twilio account for SMS: the account SID, the auth token (sealed with the installation key before it
 * is stored, never returned), the messaging service or from-number, and the webhook URL to give Twilio. Callers
 * check the role (ADMIN).
 */
@Service
public class SmsSettings {

    private final SmsAccountRepository accounts;
    private final SecretCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicUrl;

    SmsSettings(
            SmsAccountRepository accounts,
            SecretCipher cipher,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${mc.public-url:http://localhost:8080}") String publicUrl) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** What the settings show: whether an account is connected, and the account (null when none). */
    public record Overview(boolean connected, SmsAccountView account) {}

    /**
     * An account change. {@code authToken} null keeps the stored one (required the first time); blank
     * {@code messagingServiceSid} or {@code fromNumber} clear them (one of the two must remain).
     */
    public record Change(String accountSid, String authToken, String messagingServiceSid, String fromNumber) {}

    @Transactional(readOnly = true)
    public Overview overview(TenantId tenant) {
        Optional<SmsAccount> account = accounts.findByTenantId(tenant);
        return new Overview(account.isPresent(), account.map(this::view).orElse(null));
    }

    /**
     * Connects the Twilio account or changes it. 400 naming the field for a bad value. Audited as
     * {@code sms.account_connected} / {@code sms.account_changed}.
     */
    @Transactional
    public SmsAccountView connect(TenantId tenant, Change change, Actor actor) {
        if (change == null) {
            throw ApiException.invalidField("body", "is required");
        }
        SmsAccount.Token token = null;
        if (change.authToken() != null) {
            String t = change.authToken().trim();
            if (t.length() < 16 || t.length() > 200) {
                throw ApiException.invalidField("authToken", "must be 16 to 200 characters");
            }
            token = new SmsAccount.Token(cipher.seal(t, tokenContext(tenant)), SecretCipher.lastFour(t));
        }
        var now = clock.instant();
        Optional<SmsAccount> existing = accounts.findByTenantId(tenant);
        SmsAccountView before = existing.map(this::view).orElse(null);
        SmsAccount account = existing.orElseGet(() -> SmsAccount.connect(tenant, now));
        try {
            account.set(change.accountSid(), token, change.messagingServiceSid(), change.fromNumber(), now);
        } catch (SmsAccount.InvalidSmsSetting e) {
            throw ApiException.invalidField(e.field, e.getMessage());
        }
        SmsAccountView after = view(accounts.save(account));
        events.publishEvent(new SmsAccountChanged(
                tenant.value(),
                before == null ? "sms.account_connected" : "sms.account_changed",
                before,
                after,
                actor));
        return after;
    }

    SmsAccountView view(SmsAccount account) {
        return account.view(webhookUrl(account.webhookKey()));
    }

    String webhookUrl(String key) {
        return publicUrl + "/api/v1/webhooks/sms/twilio/" + key;
    }

    static String tokenContext(TenantId tenant) {
        return "sms.twilio-token:" + tenant.value();
    }
}
