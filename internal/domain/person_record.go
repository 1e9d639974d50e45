package domain

import "strconv"

// PersonRecord is everything the service holds about one person, as a subject access
// export gives it to them (docs/RULES.md, "Subject access: the export"): what was
// signed, never a draft. Clinicians names the team by id, for who decided, wrote and
// signed each part.
type PersonRecord struct {
	Person     Person
	Referrals  []ReferralRecord
	Cases      []CaseRecord
	Clinicians map[int64]string
}

// ReferralRecord is one referral with every decision made on it.
type ReferralRecord struct {
	Referral      Referral
	Screening     *ScreeningDecision // nil when not screened in caseload
	Consultations []Consultation
	Withdrawal    *Withdrawal // nil when not withdrawn
}

// CaseRecord is one case with its signed records, oldest first.
type CaseRecord struct {
	Case          Case
	Notes         []Note        // signed only, by contact, each with its addenda
	Formulations  []Formulation // signed versions only
	Release       CaseRelease
	ReleaseEvents []ReleaseEvent
	Forums        CaseForums
	Handovers     []Handover
	Discharges    []DischargeSummary // signed only, each with the reopening that undid it
}

// RecordCounts is how much a record holds: the audit of an export keeps these, never
// a word of the record itself.
type RecordCounts struct {
	Referrals    int `json:"referrals"`
	Cases        int `json:"cases"`
	Notes        int `json:"notes"`
	Addenda      int `json:"addenda"`
	Formulations int `json:"formulations"`
	Meetings     int `json:"forum_meetings"`
	Handovers    int `json:"handovers"`
	Discharges   int `json:"discharge_summaries"`
}

// Counts is how much r holds.
func (r PersonRecord) Counts() RecordCounts {
	c := RecordCounts{Referrals: len(r.Referrals), Cases: len(r.Cases)}
	for _, k := range r.Cases {
		c.Notes += len(k.Notes)
		for _, n := range k.Notes {
			c.Addenda += len(n.Addenda)
		}
		c.Formulations += len(k.Formulations)
		c.Meetings += len(k.Forums.Meetings)
		c.Handovers += len(k.Handovers)
		c.Discharges += len(k.Discharges)
	}
	return c
}

// ClinicianName is the team member's name, "clinician N" when the team does not know
// them, "nobody" for 0.
func (r PersonRecord) ClinicianName(id int64) string {
	if id == 0 {
		return "nobody"
	}
	if n, ok := r.Clinicians[id]; ok {
		return n
	}
	return "clinician " + strconv.FormatInt(id, 10)
}

// ActorName is who an audit actor is, named from the team where it is a clinician.
func (r PersonRecord) ActorName(actor string) string {
	return ActorName(actor, func(id int64) (string, bool) { n, ok := r.Clinicians[id]; return n, ok })
}
