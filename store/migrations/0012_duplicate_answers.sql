-- 0012: the clinician's answer to "possibly the same person as …" (docs/RULES.md,
-- "Possible duplicates"), on the referral that asked it: 'same' (the referral was moved
-- to the person held) or 'not-same' (two people; the question is not asked again),
-- who answered (an audit actor) and when. All three NULL while the question is open,
-- and only a referral with a possible duplicate can hold an answer.
-- possible_duplicate_of keeps whom the match found when the referral was entered.

ALTER TABLE referrals ADD COLUMN duplicate_answer TEXT
    CHECK (duplicate_answer IN ('same', 'not-same'))
    CHECK (duplicate_answer IS NULL OR possible_duplicate_of IS NOT NULL);
ALTER TABLE referrals ADD COLUMN duplicate_answered_by TEXT
    CHECK (duplicate_answered_by <> '');
ALTER TABLE referrals ADD COLUMN duplicate_answered_at TEXT
    CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', duplicate_answered_at) IS duplicate_answered_at)
    CHECK ((duplicate_answer IS NULL) = (duplicate_answered_by IS NULL)
       AND (duplicate_answer IS NULL) = (duplicate_answered_at IS NULL));
