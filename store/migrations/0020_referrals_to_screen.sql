-- 0020 (issue 17): the referrals whose screening clock runs, longest waiting first, for
-- Today's screening section: it reads the twenty most urgent and counts the rest from
-- this index, whatever the mix of statuses (20,000 referrals just imported are 20,000
-- running clocks), as referrals_to_consult (0007) serves the consultations section.
CREATE INDEX referrals_to_screen ON referrals (received_at, id)
    WHERE screened_at IS NULL AND status = 'received';
