-- 0007: the referral `cases import` makes to stand for a case's original one is marked,
-- so the referral queue and `referrals list` hold only referrals the team received in
-- caseload (an imported stand-in has no source and would read as not eligible).

ALTER TABLE referrals ADD COLUMN imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1));

-- The referrals waiting for a consultation, longest waiting first (the home screen).
CREATE INDEX referrals_to_consult ON referrals (screened_at, id)
    WHERE status IN ('screened-in', 'consultation') AND imported = 0;
