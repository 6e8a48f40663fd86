-- Every operation has a deadline, set by action when it is accepted (ADR 0013, voidvm.vm.deadlines.*). A sweep
-- fails an operation still PENDING or RUNNING past it with TIMED_OUT; a finished operation never changes.
ALTER TABLE operations ADD COLUMN deadline timestamptz;

-- Operations accepted before deadlines existed get the longest default budget from their acceptance: one that
-- has waited longer than that is timed out by the first sweep, which is what it deserves.
UPDATE operations SET deadline = created_at + interval '6 minutes';

ALTER TABLE operations ALTER COLUMN deadline SET NOT NULL;
ALTER TABLE operations ADD CONSTRAINT operations_deadline_after_creation CHECK (deadline >= created_at);

-- the sweep's candidates: open operations past their deadline, oldest deadline first
CREATE INDEX operations_open_deadline ON operations (deadline) WHERE status IN ('PENDING', 'RUNNING');
