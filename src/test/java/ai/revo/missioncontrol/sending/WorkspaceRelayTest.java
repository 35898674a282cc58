package ai.revo.missioncontrol.sending;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.identity.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkspaceRelayTest {

    @Test
    void refusesThisMachineAndPrivateNetworksAsARelayHost() {
        for (String host : new String[] {
            "127.0.0.1",
            "localhost",
            "10.1.2.3",
            "192.168.0.10",
            "172.16.5.5",
            "169.254.169.254",
            "0.0.0.0",
            "[::1]",
            "fd00::1"
        }) {
            assertThatThrownBy(() -> WorkspaceRelay.refuseInternal(host))
                    .as(host)
                    .isInstanceOf(InvalidSetting.class)
                    .hasMessageContaining("private network");
        }
        assertThatCode(() -> WorkspaceRelay.refuseInternal("93.184.215.14")).doesNotThrowAnyException();
    }

    @Test
    void refusesAMalformedHostOrPort() {
        WorkspaceRelay relay = WorkspaceRelay.configure(TenantId.random(), Instant.now());
        assertThatThrownBy(() -> relay.set("smtp example.com", 587, null, null, true, Instant.now()))
                .isInstanceOf(InvalidSetting.class);
        assertThatThrownBy(() -> relay.set("smtp.example.com", 70000, null, null, true, Instant.now()))
                .isInstanceOf(InvalidSetting.class);
        relay.set("SMTP.Example.com", 587, " user ", "v1:k:sealed", true, Instant.now());
        org.assertj.core.api.Assertions.assertThat(relay.view().host()).isEqualTo("smtp.example.com");
        org.assertj.core.api.Assertions.assertThat(relay.view().passwordSet()).isTrue();
        relay.set("smtp.example.com", 587, "user", null, true, Instant.now());
        org.assertj.core.api.Assertions.assertThat(relay.view().passwordSet()).isTrue();
        relay.set("smtp.example.com", 587, "user", "", true, Instant.now());
        org.assertj.core.api.Assertions.assertThat(relay.view().passwordSet()).isFalse();
    }
}
