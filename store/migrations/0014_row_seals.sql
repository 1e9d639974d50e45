-- 0014: every audit entry from now on carries the seals of the rows it changed (the
-- SHA-256 of each row's after-image, in its detail's "rows"), so that verify can hold
-- every record to the last entry that touched it (docs/VERIFY.md). The seals need no
-- table: they are part of the hash-chained audit. This step's Go half (sealExisting)
-- seals the rows already in the file, in "database.sealed" entries.
--
-- Verify and the lead's Today read the audit by action (the signings, the last backup
-- and verify), so it is indexed by action too.
CREATE INDEX audit_action ON audit (action);
