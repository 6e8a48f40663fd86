package io.voidvm.vm.operation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.vm.event.VmStatus;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperationActionTest {

    /**
     * action, then every observed status that satisfies it; one-shot actions and update are satisfied by none. A
     * forced delete is done when it is opened, so it finishes by no observation either.
     */
    private static final String SATISFIED_BY = """
            CREATE      STOPPED RUNNING PAUSED
            START       RUNNING
            STOP        STOPPED
            FORCE_STOP  STOPPED
            PAUSE       PAUSED
            RESUME      RUNNING
            RESET
            REBOOT
            DELETE      DELETED
            FORCE_DELETE DELETED
            UPDATE
            """;

    @Test
    void whichObservedStatusFinishesWhichActionForEveryPair() {
        Set<String> expected = new HashSet<>();
        SATISFIED_BY.lines().map(line -> line.trim().split("\\s+")).forEach(row -> {
            for (int i = 1; i < row.length; i++) {
                expected.add(row[0] + " " + row[i]);
            }
        });
        assertThat(SATISFIED_BY.lines().count()).isEqualTo(OperationAction.values().length);
        for (OperationAction action : OperationAction.values()) {
            for (VmStatus status : VmStatus.values()) {
                assertThat(action.isSatisfiedBy(status)).as(action + " " + status)
                        .isEqualTo(expected.contains(action + " " + status));
            }
            assertThat(action.finishesByObservation()).as(action.name())
                    .isEqualTo(!Set.of(OperationAction.RESET, OperationAction.REBOOT, OperationAction.UPDATE,
                            OperationAction.FORCE_DELETE).contains(action));
        }
    }
}
