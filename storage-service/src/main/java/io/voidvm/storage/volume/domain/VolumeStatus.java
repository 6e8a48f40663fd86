package io.voidvm.storage.volume.domain;

/**
 * Where a volume is in its life. PENDING until the node made the file; ATTACHING, ATTACHED and DETACHING while
 * a VM holds it (a VM id and disk id are set exactly then); DELETING until the node removed the file, after
 * which the volume is gone; ERROR with a reason when the node failed to create or delete it, or did not answer
 * a command however often it was sent (after an attach or detach it never answered, ERROR keeps the VM: detach
 * settles it).
 */
public enum VolumeStatus {
    PENDING,
    AVAILABLE,
    ATTACHING,
    ATTACHED,
    DETACHING,
    ERROR,
    DELETING;

    public boolean heldByVm() {
        return this == ATTACHING || this == ATTACHED || this == DETACHING;
    }
}
