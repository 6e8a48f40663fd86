-- The VM's log beside its operations (issue 10): what happened to a VM that its tenant should know — a crash, a
-- restart by policy, a forced stop, its node lost, a timeout — with time and reason. GET /api/v1/vms/{id}/logs
-- shows these entries and the VM's operations in one timeline, newest first.
CREATE TABLE vm_log_events (
    id        uuid        PRIMARY KEY,
    tenant_id text        NOT NULL,
    -- no foreign key: like operations, the log outlives the VM it is about
    vm_id     uuid        NOT NULL,
    at        timestamptz NOT NULL,
    -- what kind of event (io.voidvm.vm.vmlog.domain.VmLogKind); checked by the application, so that a new kind
    -- needs no migration
    kind      text        NOT NULL,
    -- the VM's status right after the event
    status    text        NOT NULL,
    reason    text        NOT NULL,
    -- who saw or decided it: 'node:<name>' or 'platform'
    source    text        NOT NULL
);

-- the log of one VM, newest first, keyset-paged by (at, id) like the operation log
CREATE INDEX vm_log_events_vm_at ON vm_log_events (vm_id, at, id);
