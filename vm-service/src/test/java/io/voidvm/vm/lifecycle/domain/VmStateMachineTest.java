package io.voidvm.vm.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.event.VmStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The whole table, cell by cell: a change to any cell must show up here. */
class VmStateMachineTest {

    /** status, action, then "409" or: desired power ("=" unchanged), status afterwards, commands. */
    private static final String TABLE = """
            PENDING   START       RUNNING  PENDING   START
            PENDING   STOP        STOPPED  PENDING   STOP
            PENDING   FORCE_STOP  STOPPED  PENDING   FORCE_STOP
            PENDING   PAUSE       409
            PENDING   RESUME      409
            PENDING   RESET       409
            PENDING   REBOOT      409
            PENDING   DELETE      DELETED  DELETING  DELETE
            PENDING   UPDATE      =        PENDING   DEFINE
            STOPPED   START       RUNNING  STARTING  START
            STOPPED   STOP        STOPPED  STOPPED   STOP
            STOPPED   FORCE_STOP  STOPPED  STOPPED   FORCE_STOP
            STOPPED   PAUSE       409
            STOPPED   RESUME      409
            STOPPED   RESET       409
            STOPPED   REBOOT      409
            STOPPED   DELETE      DELETED  DELETING  DELETE
            STOPPED   UPDATE      =        STOPPED   DEFINE
            STARTING  START       RUNNING  STARTING  START
            STARTING  STOP        STOPPED  STOPPING  STOP
            STARTING  FORCE_STOP  STOPPED  STOPPING  FORCE_STOP
            STARTING  PAUSE       409
            STARTING  RESUME      409
            STARTING  RESET       409
            STARTING  REBOOT      409
            STARTING  DELETE      DELETED  DELETING  STOP,DELETE
            STARTING  UPDATE      =        STARTING  DEFINE
            RUNNING   START       RUNNING  RUNNING   START
            RUNNING   STOP        STOPPED  STOPPING  STOP
            RUNNING   FORCE_STOP  STOPPED  STOPPING  FORCE_STOP
            RUNNING   PAUSE       PAUSED   RUNNING   PAUSE
            RUNNING   RESUME      RUNNING  RUNNING   RESUME
            RUNNING   RESET       =        RUNNING   RESET
            RUNNING   REBOOT      =        RUNNING   REBOOT
            RUNNING   DELETE      DELETED  DELETING  STOP,DELETE
            RUNNING   UPDATE      =        RUNNING   DEFINE
            PAUSED    START       RUNNING  PAUSED    RESUME
            PAUSED    STOP        STOPPED  STOPPING  STOP
            PAUSED    FORCE_STOP  STOPPED  STOPPING  FORCE_STOP
            PAUSED    PAUSE       PAUSED   PAUSED    PAUSE
            PAUSED    RESUME      RUNNING  PAUSED    RESUME
            PAUSED    RESET       409
            PAUSED    REBOOT      409
            PAUSED    DELETE      DELETED  DELETING  STOP,DELETE
            PAUSED    UPDATE      =        PAUSED    DEFINE
            STOPPING  START       409
            STOPPING  STOP        STOPPED  STOPPING  STOP
            STOPPING  FORCE_STOP  STOPPED  STOPPING  FORCE_STOP
            STOPPING  PAUSE       409
            STOPPING  RESUME      409
            STOPPING  RESET       409
            STOPPING  REBOOT      409
            STOPPING  DELETE      DELETED  DELETING  STOP,DELETE
            STOPPING  UPDATE      =        STOPPING  DEFINE
            ERROR     START       RUNNING  STARTING  START
            ERROR     STOP        STOPPED  STOPPING  STOP
            ERROR     FORCE_STOP  STOPPED  STOPPING  FORCE_STOP
            ERROR     PAUSE       409
            ERROR     RESUME      409
            ERROR     RESET       409
            ERROR     REBOOT      409
            ERROR     DELETE      DELETED  DELETING  STOP,DELETE
            ERROR     UPDATE      =        ERROR     DEFINE
            DELETING  START       409
            DELETING  STOP        409
            DELETING  FORCE_STOP  409
            DELETING  PAUSE       409
            DELETING  RESUME      409
            DELETING  RESET       409
            DELETING  REBOOT      409
            DELETING  DELETE      DELETED  DELETING  DELETE
            DELETING  UPDATE      409
            DELETED   START       409
            DELETED   STOP        409
            DELETED   FORCE_STOP  409
            DELETED   PAUSE       409
            DELETED   RESUME      409
            DELETED   RESET       409
            DELETED   REBOOT      409
            DELETED   DELETE      DELETED  DELETED   DELETE
            DELETED   UPDATE      409
            UNKNOWN   START       409
            UNKNOWN   STOP        409
            UNKNOWN   FORCE_STOP  409
            UNKNOWN   PAUSE       409
            UNKNOWN   RESUME      409
            UNKNOWN   RESET       409
            UNKNOWN   REBOOT      409
            UNKNOWN   DELETE      DELETED  UNKNOWN   STOP,DELETE
            UNKNOWN   UPDATE      409
            """;

    /**
     * desired power, status, action: the only combinations where an allowed action is a no-op. Everywhere
     * else an allowed action sends its commands, even when the desired power does not change.
     */
    private static final String NO_OPS = """
            RUNNING  PENDING   START
            RUNNING  STARTING  START
            RUNNING  RUNNING   START
            RUNNING  PAUSED    START
            RUNNING  RUNNING   RESUME
            RUNNING  PAUSED    RESUME
            STOPPED  PENDING   STOP
            STOPPED  STOPPING  STOP
            STOPPED  STOPPED   STOP
            STOPPED  PENDING   FORCE_STOP
            STOPPED  STOPPED   FORCE_STOP
            PAUSED   RUNNING   PAUSE
            PAUSED   PAUSED    PAUSE
            DELETED  DELETING  DELETE
            DELETED  DELETED   DELETE
            DELETED  UNKNOWN   DELETE
            """;

    @Test
    void tableNamesEveryStatusAndActionExactlyOnce() {
        Map<String, String[]> cells = cells();
        assertThat(cells).hasSize(VmStatus.values().length * VmAction.values().length);
        for (VmStatus status : VmStatus.values()) {
            for (VmAction action : VmAction.values()) {
                assertThat(cells).as("cell %s × %s", status, action).containsKey(status + " " + action);
            }
        }
    }

    @Test
    void everyCellOfTheTableIsImplemented() {
        cells().forEach((key, cell) -> {
            VmStatus status = VmStatus.valueOf(cell[0]);
            VmAction action = VmAction.valueOf(cell[1]);
            Optional<VmStateMachine.Rule> rule = VmStateMachine.rule(status, action);
            if (cell[2].equals("409")) {
                assertThat(rule).as(key).isEmpty();
            } else {
                DesiredPower desired = cell[2].equals("=") ? null : DesiredPower.valueOf(cell[2]);
                List<CommandKind> commands = Arrays.stream(cell[4].split(",")).map(CommandKind::valueOf).toList();
                assertThat(rule).as(key).contains(new VmStateMachine.Rule(desired, VmStatus.valueOf(cell[3]),
                        commands));
            }
        });
    }

    @Test
    void aRejectedActionIsAConflictNamingTheCurrentStatus() {
        cells().values().stream().filter(cell -> cell[2].equals("409")).forEach(cell -> {
            VmStatus status = VmStatus.valueOf(cell[0]);
            VmAction action = VmAction.valueOf(cell[1]);
            for (DesiredPower desired : DesiredPower.values()) {
                assertThatThrownBy(() -> VmStateMachine.decide(status, desired, action))
                        .isInstanceOfSatisfying(InvalidTransition.class, e -> {
                            assertThat(e.currentStatus()).isEqualTo(status);
                            assertThat(e.action()).isEqualTo(action);
                        })
                        .hasMessage("cannot " + action.verb() + " while " + status);
            }
        });
    }

    @Test
    void resumingAStoppedVmIsRefusedWithTheIssuesWording() {
        assertThatThrownBy(() -> VmStateMachine.decide(VmStatus.STOPPED, DesiredPower.STOPPED, VmAction.RESUME))
                .hasMessage("cannot resume while STOPPED");
    }

    @Test
    void anAllowedActionIsANoOpExactlyWhereTheVmIsAlreadyThereOrOnItsWay() {
        Set<String> noOps = new HashSet<>(NO_OPS.lines().map(line -> String.join(" ", line.trim().split("\\s+")))
                .toList());
        int checked = 0;
        for (VmStatus status : VmStatus.values()) {
            for (VmAction action : VmAction.values()) {
                Optional<VmStateMachine.Rule> rule = VmStateMachine.rule(status, action);
                if (rule.isEmpty()) {
                    continue;
                }
                for (DesiredPower desired : DesiredPower.values()) {
                    Decision decision = VmStateMachine.decide(status, desired, action);
                    String key = desired + " " + status + " " + action;
                    checked++;
                    if (noOps.remove(key)) {
                        assertThat(decision).as(key)
                                .isEqualTo(new Decision(action, desired, status, List.of(), true));
                    } else {
                        DesiredPower after = rule.get().desiredPower() == null ? desired : rule.get().desiredPower();
                        assertThat(decision).as(key).isEqualTo(new Decision(action, after, rule.get().status(),
                                rule.get().commands(), false));
                    }
                }
            }
        }
        assertThat(noOps).as("no-op rows that name a rejected cell").isEmpty();
        long allowed = cells().values().stream().filter(cell -> !cell[2].equals("409")).count();
        assertThat(checked).isEqualTo(allowed * DesiredPower.values().length).isEqualTo(43 * 4);
    }

    @Test
    void forceStopEscalatesAStopThatIsAlreadyUnderWay() {
        Decision decision = VmStateMachine.decide(VmStatus.STOPPING, DesiredPower.STOPPED, VmAction.FORCE_STOP);

        assertThat(decision.noOp()).isFalse();
        assertThat(decision.commands()).containsExactly(CommandKind.FORCE_STOP);
    }

    @Test
    void cpuAndMemoryMayChangeOnlyOnAVmThatRunsNowhere() {
        for (VmStatus status : VmStatus.values()) {
            boolean expected = status == VmStatus.PENDING || status == VmStatus.STOPPED;
            assertThat(VmStateMachine.allowsStoppedOnlyChange(status)).as(status.name()).isEqualTo(expected);
        }
    }

    @Test
    void aNodeThatReportsFromBehindShowsTheStatusItsRequestWouldSet() {
        assertThat(VmStateMachine.converging(VmStatus.STOPPED, DesiredPower.RUNNING)).isEqualTo(VmStatus.STARTING);
        assertThat(VmStateMachine.converging(VmStatus.RUNNING, DesiredPower.RUNNING)).isEqualTo(VmStatus.RUNNING);
        assertThat(VmStateMachine.converging(VmStatus.RUNNING, DesiredPower.STOPPED)).isEqualTo(VmStatus.STOPPING);
        assertThat(VmStateMachine.converging(VmStatus.RUNNING, DesiredPower.DELETED)).isEqualTo(VmStatus.DELETING);
        assertThat(VmStateMachine.converging(VmStatus.RUNNING, DesiredPower.PAUSED)).isEqualTo(VmStatus.RUNNING);
        // no request leads from STOPPED to PAUSED: the node's word stands
        assertThat(VmStateMachine.converging(VmStatus.STOPPED, DesiredPower.PAUSED)).isEqualTo(VmStatus.STOPPED);
        // a report that lags never removes the VM
        assertThat(VmStateMachine.converging(VmStatus.DELETED, DesiredPower.DELETED)).isEqualTo(VmStatus.DELETING);
    }

    /** Key "STATUS ACTION" → the split line; fails on a duplicate row. */
    static Map<String, String[]> cells() {
        Map<String, String[]> cells = new HashMap<>();
        TABLE.lines().map(line -> line.trim().split("\\s+")).forEach(cell -> {
            assertThat(cell.length).as(String.join(" ", cell)).isIn(3, 5);
            assertThat(cells.put(cell[0] + " " + cell[1], cell)).as("duplicate row " + cell[0] + " " + cell[1])
                    .isNull();
        });
        return cells;
    }
}
