package io.voidvm.launcher.control;

import io.voidvm.launcher.control.ControlProtocol.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlProtocolTest {

    @Test
    void aRestartRequestNamesOneComponent() {
        assertThat(ControlProtocol.restartRequest("node-agent-2")).isEqualTo("restart node-agent-2");
        assertThat(ControlProtocol.restartedComponent("restart node-agent-2")).contains("node-agent-2");
        assertThat(ControlProtocol.restartedComponent("restart ../x")).isEmpty();
        assertThat(ControlProtocol.restartedComponent("stop kafka")).isEmpty();
        assertThat(ControlProtocol.restartedComponent(null)).isEmpty();
    }

    @Test
    void repliesSurviveTheRoundTripAsOneLineEach() {
        for (Reply reply : new Reply[] {new Reply.Step("stopping kafka ..."), new Reply.Done("kafka restarted"),
                new Reply.Failed("no such component")}) {
            assertThat(ControlProtocol.parse(ControlProtocol.format(reply))).isEqualTo(reply);
        }
        assertThat(ControlProtocol.format(new Reply.Failed("first\nsecond"))).isEqualTo("error first second");
        assertThat(ControlProtocol.parse("garbage")).isInstanceOf(Reply.Failed.class);
    }
}
