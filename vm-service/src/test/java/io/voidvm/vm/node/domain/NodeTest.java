package io.voidvm.vm.node.domain;

import static io.voidvm.vm.node.domain.TestNodes.T0;
import static io.voidvm.vm.node.domain.TestNodes.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.vm.node.domain.Node.Heard;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A node's liveness from its heartbeats, and what an admin may set on it; time is passed in, never read. */
class NodeTest {

    private static final Duration GRACE = Duration.ofSeconds(30);

    @Test
    void aNodeFirstHeardRecentlyIsReadyAndOneFirstHeardFromAnOldHeartbeatIsNot() {
        Node fresh = Node.firstHeard(node("a", 2, 2048).heartbeat(), at(30), GRACE);
        Node stale = Node.firstHeard(node("a", 2, 2048).heartbeat(), at(31), GRACE);

        assertThat(fresh.state()).isEqualTo(NodeState.READY);
        assertThat(fresh.schedulable()).isTrue();
        assertThat(fresh.allocatable().vCpus()).isEqualTo(2);
        assertThat(fresh.lastHeartbeatAt()).isEqualTo(T0);
        assertThat(stale.state()).isEqualTo(NodeState.NOT_READY);
        assertThat(stale.schedulable()).isFalse();
    }

    @Test
    void aNewerHeartbeatReplacesTheFactsAndAReplayedOlderOneChangesNothing() {
        Node node = node("a", 2, 2048).sentAt(at(10)).ready();

        Node.Heartbeat newer = node.heard(node("a", 4, 8192).sentAt(at(20)).heartbeat(), at(20), GRACE);
        Node.Heartbeat older = newer.node().heard(node("a", 1, 64).heartbeat(), at(21), GRACE);
        Node.Heartbeat same = newer.node().heard(node("a", 1, 64).sentAt(at(20)).heartbeat(), at(21), GRACE);

        assertThat(newer.heard()).isEqualTo(Heard.NEWER);
        assertThat(newer.node().allocatable().vCpus()).isEqualTo(4);
        assertThat(newer.node().lastHeartbeatAt()).isEqualTo(at(20));
        assertThat(older.heard()).isEqualTo(Heard.OLDER);
        assertThat(older.node()).isSameAs(newer.node());
        assertThat(same.heard()).isEqualTo(Heard.OLDER);
    }

    @Test
    void aReadyNodeIsLostOnlyWhenItsNewestHeartbeatIsOlderThanTheGracePeriod() {
        Node node = node("a", 2, 2048).ready();

        assertThat(node.isLost(at(30), GRACE)).isFalse();
        assertThat(node.isLost(at(30).plusMillis(1), GRACE)).isTrue();
        Node lost = node.lost(at(45));
        assertThat(lost.state()).isEqualTo(NodeState.NOT_READY);
        assertThat(lost.stateChangedAt()).isEqualTo(at(45));
        assertThat(lost.isLost(at(90), GRACE)).as("NOT_READY already: no second transition").isFalse();
        assertThat(lost.lost(at(90))).isSameAs(lost);
        assertThat(lost.lostReason(at(45))).isEqualTo("node a has not sent a heartbeat for 45 s");
    }

    @Test
    void aLostNodeThatBeatsAgainIsBack() {
        Node lost = node("a", 2, 2048).notReady();

        Node.Heartbeat back = lost.heard(node("a", 2, 2048).sentAt(at(100)).heartbeat(), at(101), GRACE);

        assertThat(back.heard()).isEqualTo(Heard.BACK);
        assertThat(back.node().state()).isEqualTo(NodeState.READY);
        assertThat(back.node().stateChangedAt()).isEqualTo(at(101));
        assertThat(back.node().backReason()).isEqualTo("node a is ready again; waiting for its report on this VM");
    }

    @Test
    void aReplayedHeartbeatThatIsNewerButStillOldDoesNotMakeALostNodeReady() {
        Node lost = node("a", 2, 2048).notReady();

        Node.Heartbeat replayed = lost.heard(node("a", 2, 2048).sentAt(at(10)).heartbeat(), at(100), GRACE);

        assertThat(replayed.heard()).isEqualTo(Heard.NEWER);
        assertThat(replayed.node().state()).isEqualTo(NodeState.NOT_READY);
    }

    @Test
    void cordonDrainAndUncordonDecideWhetherTheNodeTakesNewVms() {
        Node node = node("a", 2, 2048).ready();

        assertThat(node.cordon().schedulable()).isFalse();
        assertThat(node.cordon().draining()).isFalse();
        assertThat(node.drain().cordoned()).isTrue();
        assertThat(node.drain().draining()).isTrue();
        assertThat(node.drain().uncordon().schedulable()).isTrue();
        assertThat(node.drain().uncordon().draining()).isFalse();
        assertThat(node("b", 2, 2048).withoutQemu().ready().schedulable()).isFalse();
        assertThat(node.lost(at(60)).schedulable()).isFalse();
    }

    @Test
    void aNodesOwnRatiosReplaceTheDefaultsOneByOne() {
        Overcommit defaults = new Overcommit(4.0, 1.0);
        Node node = node("a", 2, 2048).ready();

        assertThat(node.overcommit(defaults)).isEqualTo(defaults);
        assertThat(node.withOvercommit(8.0, null).overcommit(defaults)).isEqualTo(new Overcommit(8.0, 1.0));
        assertThat(node.withOvercommit(null, 1.5).overcommit(defaults)).isEqualTo(new Overcommit(4.0, 1.5));
        assertThatThrownBy(() -> node.withOvercommit(65.0, null)).hasMessageContaining("between 0.1 and 64");
        assertThatThrownBy(() -> node.withOvercommit(null, 0.0)).hasMessageContaining("between 0.1 and 4");
    }

    @Test
    void anOvercommitRatioMultipliesWhatANodeOffers() {
        Overcommit ratio = new Overcommit(4.0, 1.0);

        assertThat(ratio.vCpusOf(2)).isEqualTo(8);
        assertThat(ratio.memoryMbOf(1536)).isEqualTo(1536);
        assertThat(new Overcommit(1.5, 0.5).vCpusOf(3)).isEqualTo(4);
        assertThat(new Overcommit(1.5, 0.5).memoryMbOf(1001)).isEqualTo(500);
        assertThatThrownBy(() -> new Overcommit(Double.NaN, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }
}
