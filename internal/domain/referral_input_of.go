package domain

import (
	"strconv"
	"time"
)

// InputOf writes a referral back as the text a form shows, so a correction starts from
// what is recorded: the exact inverse of Parse for every field.
func InputOf(r Referral, london *time.Location) ReferralInput {
	p := r.Person
	group := ""
	switch {
	case r.PriorityGroup == NoPriorityGroup:
		group = "none"
	case r.PriorityGroup > 0:
		group = strconv.Itoa(r.PriorityGroup)
	}
	received := ""
	if !r.ReceivedAt.IsZero() {
		// Whole minutes in London read back unchanged; anything finer, or a wall time
		// that happens twice, keeps its exact instant.
		local := r.ReceivedAt.In(london)
		received = local.Format("2006-01-02 15:04")
		if local.Second() != 0 || ambiguous(local) {
			received = r.ReceivedAt.UTC().Format(time.RFC3339)
		}
	}
	return ReferralInput{
		ReceivedAt: received, Source: string(r.Source),
		ReferrerName: r.Referrer.Name, ReferrerOrg: r.Referrer.Org, ReferrerEmail: r.Referrer.Email,
		GivenName: p.GivenName, FamilyName: p.FamilyName, DateOfBirth: p.DateOfBirth.String(),
		NHSNumber: p.NHSNumber.String(), PrisonNumber: string(p.PrisonNumber), PNCID: string(p.PNCID),
		CRN: string(p.CRN), CurrentPrison: r.CurrentPrison, ExpectedReleaseDate: r.ExpectedRelease.String(),
		ReleaseDateType: string(r.ReleaseDateType), RoSH: string(r.RoSH), PriorityGroup: group,
		ComplexHealthNeeds: string(r.ComplexHealthNeeds), ResettlementArea: r.ResettlementArea,
		ApprovedPremises: string(r.ApprovedPremises), ReferralReason: r.Reason,
	}
}

// ambiguous reports whether t's wall-clock time also happens an hour earlier or later
// in its zone (the hour the clocks go back).
func ambiguous(t time.Time) bool {
	for _, d := range []time.Duration{-time.Hour, time.Hour} {
		o := t.Add(d)
		if o.Hour() == t.Hour() && o.Minute() == t.Minute() && o.Day() == t.Day() {
			return true
		}
	}
	return false
}
