-- 0009: beside the resettlement area as it was typed, the local authority the gazetteer
-- read it as (docs/RULES.md, "Resettlement area"): "Kendal" is kept as typed and stored
-- as Westmorland and Furness. NULL when the area is not recorded or is not a place the
-- gazetteer knows. Written with the referral (added, imported, corrected) by the store;
-- rows already held are read by the same gazetteer in this step (store/referral_authority.go).

ALTER TABLE referrals ADD COLUMN resettlement_authority TEXT CHECK (resettlement_authority <> '');
