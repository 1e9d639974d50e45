-- 0010: a referral whose person has the same family name and date of birth as someone
-- already held, with no identifier shared (or a prison number or PNC ID shared under
-- another name), records who they may be: the person id, NULL when none. The person is
-- never joined on a maybe (docs/RULES.md, "Possible duplicates").

ALTER TABLE referrals ADD COLUMN possible_duplicate_of INTEGER REFERENCES people (id);

-- A new referral's person is matched on each identifier and on the date of birth.
CREATE INDEX people_prison_number ON people (prison_number) WHERE prison_number IS NOT NULL;
CREATE INDEX people_pnc_id ON people (pnc_id) WHERE pnc_id IS NOT NULL;
CREATE INDEX people_date_of_birth ON people (date_of_birth) WHERE date_of_birth IS NOT NULL;
