package io.voidvm.storage.volume.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.node.AgentErrorCodes;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.servicekit.awaiting.domain.AnswerPolicy;
import io.voidvm.servicekit.problem.domain.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a volume's unanswered command is sent again, when it is given up on, and what giving up leaves. */
class VolumeOverdueTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration AFTER = Duration.ofMinutes(2);
    private static final AnswerPolicy POLICY = new AnswerPolicy(AFTER, 3);
    private static final long GIB = VolumeSizes.GIB;
    private final UUID vm = UUID.randomUUID();

    private static Volume pending(long sizeGb) {
        return Volume.create(UUID.randomUUID(), "acme", UUID.randomUUID(), new NewVolume("data", null, sizeGb, null,
                null), sizeGb, T0);
    }

    private static VolumeEvent ok(Volume volume, VolumeOperation operation, Long sizeBytes, UUID vmId) {
        return new VolumeEvent(volume.id(), operation, CommandOutcome.SUCCEEDED, sizeBytes, 4096L, vmId, null, null,
                T0);
    }

    private static Volume updated(EventOutcome outcome) {
        assertThat(outcome).isInstanceOf(EventOutcome.Updated.class);
        return ((EventOutcome.Updated) outcome).volume();
    }

    private static Volume available(long sizeGb) {
        Volume volume = pending(sizeGb);
        return updated(volume.apply(ok(volume, VolumeOperation.CREATE, sizeGb * GIB, null), T0));
    }

    private static Volume resent(OverdueCheck check) {
        assertThat(check).isInstanceOf(OverdueCheck.Resend.class);
        return ((OverdueCheck.Resend) check).volume();
    }

    private static Volume gaveUp(OverdueCheck check) {
        assertThat(check).isInstanceOf(OverdueCheck.GaveUp.class);
        return ((OverdueCheck.GaveUp) check).volume();
    }

    /** Sends until the policy gives up: the attempts after the first, each {@code AFTER} apart. */
    private static Volume unanswered(Volume volume, Instant sentAt) {
        Volume current = volume;
        Instant at = sentAt;
        for (int attempt = current.awaiting().attempts(); attempt < POLICY.maxAttempts(); attempt++) {
            at = at.plus(AFTER);
            current = resent(current.overdue(at, POLICY, "node-a"));
        }
        return gaveUp(current.overdue(at.plus(AFTER), POLICY, "node-a"));
    }

    @Test
    void aNewVolumeAwaitsItsCreateAndTheNodesReportSettlesIt() {
        Volume volume = pending(2);
        assertThat(volume.awaiting()).isEqualTo(new AwaitedCommand(VolumeOperation.CREATE, T0, 1));

        Volume created = updated(volume.apply(ok(volume, VolumeOperation.CREATE, 2 * GIB, null), T0));
        assertThat(created.awaiting()).isNull();
        assertThat(created.overdue(T0.plus(Duration.ofDays(1)), POLICY, "node-a"))
                .isInstanceOf(OverdueCheck.NotYet.class);
    }

    @Test
    void aCommandIsSentAgainOnlyOnceItIsOverdueAndEachSendCountsAndRestartsTheClock() {
        Volume volume = pending(2);
        assertThat(volume.overdue(T0.plus(AFTER).minusMillis(1), POLICY, "node-a"))
                .isInstanceOf(OverdueCheck.NotYet.class);

        Volume second = resent(volume.overdue(T0.plus(AFTER), POLICY, "node-a"));
        assertThat(second.awaiting()).isEqualTo(new AwaitedCommand(VolumeOperation.CREATE, T0.plus(AFTER), 2));
        assertThat(second.status()).isEqualTo(VolumeStatus.PENDING);
        assertThat(second.updatedAt()).as("a re-send is bookkeeping, not a change").isEqualTo(volume.updatedAt());
        assertThat(second.overdue(T0.plus(AFTER).plus(AFTER).minusMillis(1), POLICY, "node-a"))
                .isInstanceOf(OverdueCheck.NotYet.class);
        assertThat(resent(second.overdue(T0.plus(AFTER.multipliedBy(2)), POLICY, "node-a")).awaiting().attempts())
                .isEqualTo(3);
    }

    @Test
    void aCreateTheNodeWasTooBusyForStaysPendingAndIsSentAgainWhenDue() {
        Volume volume = pending(2);
        VolumeEvent busy = new VolumeEvent(volume.id(), VolumeOperation.CREATE, CommandOutcome.FAILED, null, null,
                null, AgentErrorCodes.AGENT_BUSY, "4 image downloads running", T0.plusSeconds(1));
        Volume waiting = updated(volume.apply(busy, T0.plusSeconds(1)));
        assertThat(waiting.status()).isEqualTo(VolumeStatus.PENDING);
        assertThat(waiting.statusReason()).isEqualTo("node busy, to be sent again: AGENT_BUSY: 4 image downloads running");
        assertThat(waiting.awaiting()).isEqualTo(volume.awaiting());
        assertThat(resent(waiting.overdue(T0.plus(AFTER), POLICY, "node-a")).awaiting().attempts()).isEqualTo(2);
        // any other failure is final
        assertThat(updated(volume.apply(new VolumeEvent(volume.id(), VolumeOperation.CREATE, CommandOutcome.FAILED,
                null, null, null, "IO", "broken", T0), T0)).status()).isEqualTo(VolumeStatus.ERROR);
    }

    @Test
    void anUnansweredCreateEndsInErrorNamingTheNodeAndTheAttempts() {
        Volume failed = unanswered(pending(2), T0);

        assertThat(failed.status()).isEqualTo(VolumeStatus.ERROR);
        assertThat(failed.awaiting()).isNull();
        assertThat(failed.statusReason()).contains("node node-a").contains("CREATE").contains("after 3 attempts");
        assertThat(failed.overdue(T0.plus(Duration.ofDays(1)), POLICY, "node-a"))
                .isInstanceOf(OverdueCheck.NotYet.class);
        // the volume can still be deleted
        assertThat(failed.deleting(T0).status()).isEqualTo(VolumeStatus.DELETING);
    }

    @Test
    void aReportAfterAReSendSettlesTheVolumeAndALateDuplicateIsIgnored() {
        Volume second = resent(pending(2).overdue(T0.plus(AFTER), POLICY, "node-a"));
        Volume created = updated(second.apply(ok(second, VolumeOperation.CREATE, 2 * GIB, null), T0));

        assertThat(created.status()).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(created.awaiting()).isNull();
        assertThat(created.apply(ok(created, VolumeOperation.CREATE, 2 * GIB, null), T0))
                .as("the answer to the first copy of the command").isInstanceOf(EventOutcome.Ignored.class);
    }

    @Test
    void anUnansweredDeleteEndsInErrorAndALateSuccessStillRemovesTheVolume() {
        Volume deleting = available(3).deleting(T0);
        assertThat(deleting.awaiting().operation()).isEqualTo(VolumeOperation.DELETE);

        Volume failed = unanswered(deleting, T0);
        assertThat(failed.status()).isEqualTo(VolumeStatus.ERROR);
        assertThat(failed.statusReason()).contains("DELETE");
        assertThat(failed.apply(ok(failed, VolumeOperation.DELETE, null, null), T0))
                .isInstanceOf(EventOutcome.Removed.class);
        assertThat(available(1).apply(ok(available(1), VolumeOperation.DELETE, null, null), T0))
                .as("no delete was asked").isInstanceOf(EventOutcome.Ignored.class);
    }

    @Test
    void anUnansweredResizeGivesTheSizeBackAndKeepsTheStatus() {
        Volume grown = available(2).resizeTo(8, T0);
        assertThat(grown.awaiting().operation()).isEqualTo(VolumeOperation.RESIZE);

        Volume kept = unanswered(grown, T0);
        assertThat(kept.status()).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(kept.sizeGb()).isEqualTo(2);
        assertThat(kept.statusReason()).startsWith("resize to 8 GiB not confirmed").contains("RESIZE");

        // the node grew it after all: the larger file is what the pool counts
        Volume late = updated(kept.apply(ok(kept, VolumeOperation.RESIZE, 8 * GIB, null), T0));
        assertThat(late.sizeGb()).isEqualTo(8);
        assertThat(late.virtualSizeBytes()).isEqualTo(8 * GIB);
    }

    @Test
    void onlyAReportOfTheAskedSizeSettlesAResize() {
        Volume to5 = available(2).resizeTo(5, T0);
        Volume to8 = updated(to5.apply(ok(to5, VolumeOperation.RESIZE, 5 * GIB, null), T0)).resizeTo(8, T0);

        Volume stale = updated(to8.apply(ok(to8, VolumeOperation.RESIZE, 5 * GIB, null), T0));
        assertThat(stale.awaiting()).as("a second answer to the grow to 5").isNotNull();
        assertThat(updated(stale.apply(ok(stale, VolumeOperation.RESIZE, 8 * GIB, null), T0)).awaiting()).isNull();
    }

    @Test
    void anUnansweredAttachIsAnErrorThatKeepsTheVmUntilADetachSettlesIt() {
        Volume attaching = available(1).attaching(vm, "disk1", T0);
        assertThat(attaching.awaiting().operation()).isEqualTo(VolumeOperation.ATTACH);

        Volume unknown = unanswered(attaching, T0);
        assertThat(unknown.status()).isEqualTo(VolumeStatus.ERROR);
        assertThat(unknown.attachedVmId()).isEqualTo(vm);
        assertThat(unknown.diskId()).isEqualTo("disk1");
        assertThat(unknown.statusReason()).contains("ATTACH").contains("detach");
        assertThatThrownBy(() -> unknown.deleting(T0)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("may still be attached").hasMessageContaining(vm.toString());
        assertThatThrownBy(() -> unknown.attaching(UUID.randomUUID(), "d", T0))
                .isInstanceOf(ConflictException.class).hasMessageContaining(vm.toString());

        Volume detaching = unknown.detaching(T0);
        assertThat(detaching.status()).isEqualTo(VolumeStatus.DETACHING);
        assertThat(detaching.awaiting().operation()).isEqualTo(VolumeOperation.DETACH);
        Volume free = updated(detaching.apply(ok(detaching, VolumeOperation.DETACH, null, vm), T0));
        assertThat(free.status()).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(free.awaiting()).isNull();
    }

    @Test
    void aGrowAskedBeforeAnAttachIsAwaitedAgainOnceTheAttachSettles() {
        Volume created = available(2);
        Volume grown = created.resizeTo(4, T0);
        Volume attaching = grown.attaching(vm, "disk1", T0.plusSeconds(1));
        assertThat(attaching.awaiting().operation()).isEqualTo(VolumeOperation.ATTACH);

        Instant settledAt = T0.plusSeconds(5);
        Volume attached = updated(attaching.apply(ok(attaching, VolumeOperation.ATTACH, null, vm), settledAt));
        assertThat(attached.awaiting()).isEqualTo(new AwaitedCommand(VolumeOperation.RESIZE, settledAt, 1));
        Volume resend = resent(attached.overdue(settledAt.plus(AFTER), POLICY, "node-a"));
        assertThat(resend.awaiting().operation()).isEqualTo(VolumeOperation.RESIZE);

        Volume plain = available(2).attaching(vm, "disk1", T0);
        assertThat(updated(plain.apply(ok(plain, VolumeOperation.ATTACH, null, vm), settledAt)).awaiting())
                .as("nothing left to grow").isNull();
    }

    @Test
    void aPolicyNeedsAPositiveDelayAndAtLeastOneAttempt() {
        assertThatThrownBy(() -> new AnswerPolicy(Duration.ZERO, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnswerPolicy(AFTER, 0)).isInstanceOf(IllegalArgumentException.class);
        Volume once = gaveUp(pending(1).overdue(T0.plus(AFTER), new AnswerPolicy(AFTER, 1), "node-a"));
        assertThat(once.statusReason()).contains("after 1 attempt ");
    }
}
