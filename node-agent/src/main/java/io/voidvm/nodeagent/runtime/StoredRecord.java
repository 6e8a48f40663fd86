package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A VM's persisted {@link VmRecord} (desired state and spec), the one part of a runtime that the command
 * listener shares with the VM's serial executor. Every change is written to the {@link VmStore} before it is
 * adopted, and changes never interleave; reads need no lock.
 */
final class StoredRecord {

    private final VmStore store;
    private volatile VmRecord current;

    StoredRecord(VmStore store, VmRecord initial) {
        this.store = store;
        this.current = initial;
    }

    VmRecord get() {
        return current;
    }

    /** Persists and adopts {@code next}. */
    synchronized void store(VmRecord next) {
        store.save(next);
        current = next;
    }

    /** Persists and adopts {@code change} applied to the current record, atomically against other writers. */
    synchronized VmRecord update(UnaryOperator<VmRecord> change) {
        store(change.apply(current));
        return current;
    }

    /** Persists the record with {@code change} applied to its disks. */
    synchronized void changeDisks(UnaryOperator<List<DiskSpec>> change) {
        store(current.withDisks(change.apply(current.spec().disks())));
    }

    /** Stop converging towards a running VM until a newer power command; never overwrites a newer record. */
    synchronized void halt() {
        if (!current.halted()) {
            store(current.halt());
        }
    }
}
