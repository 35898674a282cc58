package ai.revo.missioncontrol.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void plainLinesOnATerminalJsonOtherwiseUnlessAsked() {
        assertThat(LogFormat.choose(null, true)).isNull();
        assertThat(LogFormat.choose("", false)).isEqualTo("ecs");
        assertThat(LogFormat.choose("json", true)).isEqualTo("ecs");
        assertThat(LogFormat.choose("JSON", false)).isEqualTo("ecs");
        assertThat(LogFormat.choose("text", false)).isNull();
        assertThat(LogFormat.choose("logstash", true)).isEqualTo("logstash");
    }
}
