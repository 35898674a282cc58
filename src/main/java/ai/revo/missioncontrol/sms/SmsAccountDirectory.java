package ai.revo.missioncontrol.sms;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.SmsAccounts;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers the SMS adapter: the workspace's Twilio account with its auth token opened, and its callback URL. */
@Service
public class SmsAccountDirectory implements SmsAccounts {

    private final SmsAccountRepository accounts;
    private final SecretCipher cipher;
    private final SmsSettings settings;

    SmsAccountDirectory(SmsAccountRepository accounts, SecretCipher cipher, SmsSettings settings) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.settings = settings;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Account> accountOf(TenantId tenant) {
        return accounts.findByTenantId(tenant)
                .map(a -> new Account(
                        a.accountSid(),
                        cipher.open(a.authTokenSealed(), SmsSettings.tokenContext(tenant)),
                        a.messagingServiceSid(),
                        a.fromNumber(),
                        settings.webhookUrl(a.webhookKey())));
    }
}
