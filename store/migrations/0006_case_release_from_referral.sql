-- 0006: cases opened before 0004 start from the release date their referral gave, as
-- cases opened since do (store.RecordConsultation). Forward-only; writes only rows that
-- are missing, so it never overwrites a release date already recorded.

INSERT INTO case_release (case_id, expected_date, expected_kind, expected_confirmed)
SELECT c.id, r.expected_release_date, r.release_date_type, r.release_date_type IS 'confirmed'
FROM cases c JOIN referrals r ON r.id = c.referral_id
WHERE NOT EXISTS (SELECT 1 FROM case_release x WHERE x.case_id = c.id);
