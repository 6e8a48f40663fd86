package io.voidvm.nodeagent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names the agent gives QEMU for hot-plugged disks fit QEMU's rules for ids and node names. */
class VolumeHotplugTest {

    @Test
    void aDiskIdIsTheDeviceIdUnlessItStartsWithADigit() {
        assertThat(VolumeHotplug.deviceIdOf("data")).isEqualTo("data");
        assertThat(VolumeHotplug.deviceIdOf("vol-0123456789ab")).isEqualTo("vol-0123456789ab");
        // a DNS label may start with a digit, a QEMU id may not
        assertThat(VolumeHotplug.deviceIdOf("1data")).isEqualTo("disk-1data");
    }

    @Test
    void nodeNamesStayWithinQemusThirtyOneCharacters() {
        assertThat(VolumeHotplug.nodeName("data")).isEqualTo("hp-data");
        String longId = "a-disk-id-that-is-far-too-long-for-qemu";
        assertThat(VolumeHotplug.nodeName(longId)).startsWith("hp-").hasSize(19)
                .isEqualTo(VolumeHotplug.nodeName(longId));
        assertThat(VolumeHotplug.nodeName(longId) + "-file").hasSizeLessThanOrEqualTo(31);
    }

    @Test
    void theDeviceIdComesFromAVirtioBlkQomPathOrIsAScsiDisksQdevItself() {
        assertThat(VolumeHotplug.deviceId("/machine/peripheral/virtio-disk0/virtio-backend")).isEqualTo("virtio-disk0");
        assertThat(VolumeHotplug.deviceId("data")).isEqualTo("data");
    }
}
