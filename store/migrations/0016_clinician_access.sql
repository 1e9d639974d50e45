-- 0016: what each member of the team may do in caseload, apart from their job title
-- (docs/RULES.md, "Roles"): 'lead' manages the team (clinicians, keys, allocation) and
-- reads the audit log, 'clinician' holds cases, 'admin' is IT (keys, backups, the
-- server) and never opens a clinical record. Everyone is a clinician until told
-- otherwise, except whoever's role was already "lead", who led before this column did.
-- The rows this changes are sealed again by the migration's Go step (access.go).

ALTER TABLE clinicians ADD COLUMN access TEXT NOT NULL DEFAULT 'clinician'
    CHECK (access IN ('lead', 'clinician', 'admin'));

UPDATE clinicians SET access = 'lead' WHERE lower(trim(role)) = 'lead';
