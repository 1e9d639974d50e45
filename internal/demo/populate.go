package demo

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"caseload/internal/domain"
)

// Recorder is what filling a database with the demo needs; the store satisfies it.
type Recorder interface {
	AddClinician(ctx context.Context, actor string, at time.Time, c domain.Clinician) (int64, error)
	AddReferral(ctx context.Context, actor string, at time.Time, r domain.Referral) (int64, error)
	ScreenReferral(ctx context.Context, actor string, at time.Time, id int64, outcome domain.ScreeningOutcome, reason string) (domain.ScreeningDecision, error)
	RecordConsultation(ctx context.Context, actor string, at time.Time, c domain.Consultation) (consultationID, caseID int64, err error)
	WithdrawReferral(ctx context.Context, actor string, at time.Time, id int64, reason string) error
}

// Populated counts what Populate recorded.
type Populated struct {
	Clinicians, Referrals, Decisions int
}

// Populate records the demo as the service would have lived it: the clinicians, then
// each referral when it was entered and each decision when it was taken, in time order,
// through the same rules and audit as real use. actor is who entered the referrals.
func Populate(ctx context.Context, rec Recorder, actor string, now time.Time) (Populated, error) {
	clinicians := Clinicians()
	clinicianIDs := make([]int64, len(clinicians))
	first := now
	referrals := Referrals(now)
	for _, r := range referrals {
		if r.EnteredAt.Before(first) {
			first = r.EnteredAt
		}
	}
	for i, c := range clinicians {
		var err error
		if clinicianIDs[i], err = rec.AddClinician(ctx, actor, first, c); err != nil {
			return Populated{}, err
		}
	}
	type event struct {
		at       time.Time
		referral int     // index of a referral to add, or -1
		action   *Action // a decision to take
	}
	var events []event
	for i, r := range referrals {
		events = append(events, event{at: r.EnteredAt, referral: i})
	}
	actions := Decisions(now)
	for i := range actions {
		events = append(events, event{at: actions[i].At, referral: -1, action: &actions[i]})
	}
	// Stable, with additions first: a decision never comes before its referral.
	slices.SortStableFunc(events, func(a, b event) int { return cmp.Compare(a.at.UnixNano(), b.at.UnixNano()) })
	referralIDs := make([]int64, len(referrals))
	for _, e := range events {
		if e.action == nil {
			id, err := rec.AddReferral(ctx, actor, e.at, referrals[e.referral])
			if err != nil {
				return Populated{}, fmt.Errorf("demo referral %d: %w", e.referral, err)
			}
			referralIDs[e.referral] = id
			continue
		}
		if err := apply(ctx, rec, *e.action, referralIDs, clinicianIDs); err != nil {
			// The demo's decisions are written to pass the service's rules: one that
			// does not is a bug in the demo, not something to work around.
			return Populated{}, fmt.Errorf("demo decision (%s, referral %d, at %s) refused: %w",
				e.action.Kind, referralIDs[e.action.Referral], e.at.Format(time.RFC3339), err)
		}
	}
	return Populated{Clinicians: len(clinicians), Referrals: len(referrals), Decisions: len(actions)}, nil
}

func apply(ctx context.Context, rec Recorder, act Action, referralIDs, clinicianIDs []int64) error {
	id := referralIDs[act.Referral]
	if id == 0 {
		return fmt.Errorf("referral %d has not been added yet", act.Referral)
	}
	switch act.Kind {
	case ActionScreen:
		_, err := rec.ScreenReferral(ctx, act.Actor, act.At, id, act.Outcome, act.Reason)
		return err
	case ActionConsult:
		c := act.Consultation
		c.ReferralID = id
		if c.Outcome == domain.ConsultAccepted {
			c.AllocatedClinicianID = clinicianIDs[act.Clinician]
		}
		_, _, err := rec.RecordConsultation(ctx, act.Actor, act.At, c)
		return err
	case ActionWithdraw:
		return rec.WithdrawReferral(ctx, act.Actor, act.At, id, act.Reason)
	}
	return fmt.Errorf("unknown demo action %q", act.Kind)
}
