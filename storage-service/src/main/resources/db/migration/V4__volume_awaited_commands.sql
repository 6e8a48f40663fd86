-- The node command a volume waits on (ADR 0009): which operation, when it was last sent and how many times. A
-- scheduled re-sender sends an overdue command again under a new message id (the agent dedupes by id) and gives
-- up after the last attempt. NULL when the volume waits on nothing.
ALTER TABLE volumes ADD COLUMN awaited_operation text
    CHECK (awaited_operation IN ('CREATE', 'RESIZE', 'DELETE', 'ATTACH', 'DETACH'));
ALTER TABLE volumes ADD COLUMN awaited_sent_at timestamptz;
ALTER TABLE volumes ADD COLUMN awaited_attempts integer CHECK (awaited_attempts >= 1);
ALTER TABLE volumes ADD CONSTRAINT volumes_awaited_complete
    CHECK ((awaited_operation IS NULL) = (awaited_sent_at IS NULL)
       AND (awaited_operation IS NULL) = (awaited_attempts IS NULL));

-- volumes already waiting: their command went out once, at their last change
UPDATE volumes SET awaited_operation = CASE status
        WHEN 'PENDING' THEN 'CREATE' WHEN 'DELETING' THEN 'DELETE'
        WHEN 'ATTACHING' THEN 'ATTACH' WHEN 'DETACHING' THEN 'DETACH' END,
    awaited_sent_at = updated_at, awaited_attempts = 1
WHERE status IN ('PENDING', 'DELETING', 'ATTACHING', 'DETACHING');

CREATE INDEX volumes_awaited ON volumes (awaited_sent_at) WHERE awaited_operation IS NOT NULL;

-- An attach or detach the node never answered leaves it unknown whether the VM holds the volume: ERROR keeps the
-- VM and disk id then (a detach settles it). Other statuses as before.
ALTER TABLE volumes DROP CONSTRAINT volumes_attached_has_vm;
ALTER TABLE volumes ADD CONSTRAINT volumes_attached_has_vm
    CHECK ((attached_vm_id IS NULL) = (disk_id IS NULL)
       AND (status NOT IN ('ATTACHING', 'ATTACHED', 'DETACHING') OR attached_vm_id IS NOT NULL)
       AND (status IN ('ATTACHING', 'ATTACHED', 'DETACHING', 'ERROR') OR attached_vm_id IS NULL));
