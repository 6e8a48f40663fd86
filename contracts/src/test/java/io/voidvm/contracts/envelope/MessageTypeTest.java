package io.voidvm.contracts.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.metrics.NodeMetricsSample;
import io.voidvm.contracts.metrics.VmMetricsSample;
import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.volume.VolumeCommand;
import io.voidvm.contracts.volume.VolumeEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTypeTest {

    @Test
    void wireNamesAreUniqueLowercaseDottedNames() {
        List<String> names = Arrays.stream(MessageType.values()).map(MessageType::wireName).toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z]+(\\.[a-z]+(-[a-z]+)*)+"));
    }

    @Test
    void everyConcreteCommandAndEventIsRegisteredInItsCategory() {
        Map<Class<?>, MessageType.Category> families = Map.of(
                VmCommand.class, MessageType.Category.VM_COMMAND,
                VmEvent.class, MessageType.Category.VM_EVENT,
                VolumeCommand.class, MessageType.Category.VOLUME_COMMAND);
        families.forEach((family, category) -> {
            List<Class<?>> records = concreteSubtypes(family);
            assertThat(records).isNotEmpty();
            for (Class<?> type : records) {
                MessageType registered = Arrays.stream(MessageType.values())
                        .filter(t -> t.payloadClass() == type).findFirst().orElseThrow(
                                () -> new AssertionError(type.getSimpleName() + " has no MessageType"));
                assertThat(registered.category()).as(type.getSimpleName()).isEqualTo(category);
            }
        });
    }

    @Test
    void samplesAndHeartbeatsAreInTheirCategories() {
        assertThat(category(VmMetricsSample.class)).isEqualTo(MessageType.Category.VM_METRICS);
        assertThat(category(NodeHeartbeat.class)).isEqualTo(MessageType.Category.NODE_HEARTBEAT);
        assertThat(category(NodeMetricsSample.class)).isEqualTo(MessageType.Category.NODE_METRICS);
        assertThat(category(NodeObservedState.class)).isEqualTo(MessageType.Category.NODE_OBSERVED_STATE);
        assertThat(category(VolumeEvent.class)).isEqualTo(MessageType.Category.VOLUME_EVENT);
    }

    @Test
    void wireNamesResolveBack() {
        for (MessageType type : MessageType.values()) {
            assertThat(MessageType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(MessageType.fromWireName("vm.command.teleport")).isEmpty();
        assertThat(MessageType.fromWireName(null)).isEmpty();
    }

    private static MessageType.Category category(Class<?> payloadClass) {
        return Arrays.stream(MessageType.values()).filter(t -> t.payloadClass() == payloadClass)
                .findFirst().orElseThrow().category();
    }

    private static List<Class<?>> concreteSubtypes(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isSealed()) {
                out.addAll(concreteSubtypes(sub));
            } else {
                out.add(sub);
            }
        }
        return out;
    }
}
