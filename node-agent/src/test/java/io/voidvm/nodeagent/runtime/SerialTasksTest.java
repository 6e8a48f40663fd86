package io.voidvm.nodeagent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bound of a VM's task queue and what each kind of task does when it is reached. */
class SerialTasksTest {

    private static final int CAPACITY = 4;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final UUID vm = UUID.randomUUID();
    private final EventContext origin = EventContext.spontaneous(vm, "tenant-1");
    private final RecordingEventSink events = new RecordingEventSink();
    private final CountDownLatch release = new CountDownLatch(1);
    private SerialTasks tasks;

    @BeforeEach
    void busyExecutor() {
        tasks = new SerialTasks(vm, events, CAPACITY);
        CountDownLatch running = new CountDownLatch(1);
        tasks.always(origin, () -> {
            running.countDown();
            block(release);
        });
        block(running);
    }

    @AfterEach
    void stop() {
        release.countDown();
        tasks.shutdownAndWait(WAIT);
    }

    @Test
    void aCommandBeyondTheCapacityIsAnsweredAgentBusyAtOnceAndNeverRuns() {
        AtomicInteger ran = new AtomicInteger();
        List<UUID> queued = new ArrayList<>();
        for (int i = 0; i < CAPACITY; i++) {
            UUID id = UUID.randomUUID();
            queued.add(id);
            tasks.command(origin, id, ran::incrementAndGet, "nothing happens", failure -> { });
        }
        UUID refused = UUID.randomUUID();
        AtomicReference<RuntimeFailure> told = new AtomicReference<>();

        CompletableFuture<Void> future = tasks.command(origin, refused, ran::incrementAndGet, "try later", told::set);

        assertThat(future).isCompletedExceptionally();
        assertThat(events.results(refused)).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(CommandOutcome.FAILED);
            assertThat(result.errorCode()).isEqualTo(RuntimeFailure.AGENT_BUSY);
            assertThat(result.errorDetail()).contains("4 tasks are already queued", "task-queue-capacity",
                    "try later");
        });
        assertThat(told.get().code()).isEqualTo(RuntimeFailure.AGENT_BUSY);

        release.countDown();
        await().atMost(WAIT).until(() -> ran.get() == CAPACITY);
        assertThat(queued).allSatisfy(id -> assertThat(events.results(id)).extracting(CommandResult::outcome)
                .containsExactly(CommandOutcome.SUCCEEDED));
        assertThat(events.results(refused)).hasSize(1);
    }

    @Test
    void aWaitingReconcilePassIsSharedAndAdmittedEvenWhenTheQueueIsFull() {
        fill();
        AtomicInteger passes = new AtomicInteger();

        Runnable pass = passes::incrementAndGet;
        CompletableFuture<Void> first = tasks.coalesced(SerialTasks.Coalesced.RECONCILE, origin, pass);
        CompletableFuture<Void> second = tasks.coalesced(SerialTasks.Coalesced.RECONCILE, origin, pass);
        CompletableFuture<Void> refresh = tasks.coalesced(SerialTasks.Coalesced.REFRESH, origin, () -> { });

        assertThat(second).isSameAs(first);
        assertThat(refresh).isNotSameAs(first);
        release.countDown();
        first.join();
        assertThat(passes).hasValue(1);
        // once it has started, a new request queues a new pass
        tasks.coalesced(SerialTasks.Coalesced.RECONCILE, origin, passes::incrementAndGet).join();
        assertThat(passes).hasValue(2);
    }

    @Test
    void eventsTakeAtMostHalfTheQueueAndNoneQueueBehindAWaitingRefresh() {
        AtomicInteger handled = new AtomicInteger();
        List<Boolean> accepted = new ArrayList<>();
        for (int i = 0; i < CAPACITY; i++) {
            accepted.add(tasks.event(origin, handled::incrementAndGet));
        }
        assertThat(accepted).containsExactly(true, true, false, false);
        // commands still have the other half
        UUID command = UUID.randomUUID();
        tasks.command(origin, command, () -> { }, "", failure -> { });
        assertThat(events.results(command)).isEmpty();

        release.countDown();
        await().atMost(WAIT).until(() -> handled.get() == 2 && tasks.queued() == 0);
        CountDownLatch hold = new CountDownLatch(1);
        tasks.always(origin, () -> block(hold));
        tasks.coalesced(SerialTasks.Coalesced.REFRESH, origin, () -> { });
        assertThat(tasks.event(origin, handled::incrementAndGet)).as("behind a waiting refresh").isFalse();
        hold.countDown();
    }

    @Test
    void oneOffTasksAreQueuedBeyondTheCapacityAndCallsAreRefused() {
        fill();
        AtomicInteger gone = new AtomicInteger();

        tasks.always(origin, gone::incrementAndGet);
        tasks.always(origin, gone::incrementAndGet);

        assertThatThrownBy(() -> tasks.call(origin, () -> "query-block"))
                .isInstanceOfSatisfying(RuntimeFailure.class, failure ->
                        assertThat(failure.code()).isEqualTo(RuntimeFailure.AGENT_BUSY));
        release.countDown();
        await().atMost(WAIT).until(() -> gone.get() == 2);
        assertThat(tasks.call(origin, () -> "query-block")).isEqualTo("query-block");
    }

    @Test
    void aClosedRuntimeStillAnswersACommand() {
        tasks.shutdown();
        UUID late = UUID.randomUUID();

        tasks.command(origin, late, () -> { }, "", failure -> { });

        assertThat(events.results(late)).singleElement().satisfies(result -> {
            assertThat(result.errorCode()).isEqualTo(RuntimeFailure.AGENT_BUSY);
            assertThat(result.errorDetail()).contains("closed");
        });
    }

    private void fill() {
        for (int i = 0; i < CAPACITY; i++) {
            tasks.command(origin, UUID.randomUUID(), () -> { }, "", failure -> { });
        }
        assertThat(tasks.queued()).isEqualTo(CAPACITY);
    }

    private static void block(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
