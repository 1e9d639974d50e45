package caseview

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
)

// Source is what the case view needs from the store.
type Source interface {
	ViewCase(ctx context.Context, clinicianID int64, at time.Time, caseID int64) (domain.CaseSummary, error)
	Formulations(ctx context.Context, caseID int64) ([]domain.Formulation, error)
	Notes(ctx context.Context, caseID int64, viewer int64) ([]domain.Note, error)
	Screening(ctx context.Context, referralID int64) (domain.ScreeningDecision, bool, error)
	Consultations(ctx context.Context, referralID int64) ([]domain.Consultation, error)
	Clinicians(ctx context.Context) ([]domain.Clinician, error)
	SignFormulation(ctx context.Context, clinicianID int64, at time.Time, id int64, revision int) (domain.Formulation, error)
	CaseRelease(ctx context.Context, caseID int64) (domain.CaseRelease, error)
	CaseForums(ctx context.Context, caseID int64) (domain.CaseForums, error)
	ReleaseEvents(ctx context.Context, caseID int64) ([]domain.ReleaseEvent, error)
	Ending
	Outcomes
	Rereader
}

// record is everything the case view shows, read together.
type record struct {
	summary       domain.CaseSummary
	formulations  []domain.Formulation // newest first
	notes         []domain.Note        // newest contact first
	screening     domain.ScreeningDecision
	screened      bool
	consultations []domain.Consultation
	clinicians    map[int64]domain.Clinician
	release       domain.CaseRelease
	events        []domain.ReleaseEvent // releases, recalls and re-releases as recorded
	forums        domain.CaseForums
	ending        ending   // discharge summaries, the draft, handovers (ending.go)
	outcomes      outcomes // measures, transition outcomes, risk judgements (outcomes_load.go)
}

type loadedMsg struct {
	caseID int64
	rec    record
	now    time.Time
	err    error
}

// load reads the case; opening it writes the "viewed" audit entry (who looked at what,
// when), as NHS audits expect; reading it again once open writes none (summaryReader).
func (m *Model) load() tea.Cmd {
	ctx, src, id, me, clk := m.com.Ctx, m.src, m.caseID, m.com.Me.ID, m.com.Clock
	summary := m.summaryReader()
	return func() tea.Msg {
		now := clk.Now()
		var rec record
		var err error
		fail := func(err error) tea.Msg { return loadedMsg{caseID: id, err: err} }
		if rec.summary, err = summary(ctx, now); err != nil {
			return fail(err)
		}
		all, err := src.Formulations(ctx, id)
		if err != nil {
			return fail(err)
		}
		for _, f := range all {
			// Drafts are their author's own until signed.
			if f.Signed() || f.AuthorID == me {
				rec.formulations = append(rec.formulations, f)
			}
		}
		if rec.notes, err = src.Notes(ctx, id, me); err != nil {
			return fail(err)
		}
		ref := rec.summary.Referral.ID
		if rec.screening, rec.screened, err = src.Screening(ctx, ref); err != nil {
			return fail(err)
		}
		if rec.consultations, err = src.Consultations(ctx, ref); err != nil {
			return fail(err)
		}
		if rec.release, err = src.CaseRelease(ctx, id); err != nil {
			return fail(err)
		}
		if rec.events, err = src.ReleaseEvents(ctx, id); err != nil {
			return fail(err)
		}
		if rec.forums, err = src.CaseForums(ctx, id); err != nil {
			return fail(err)
		}
		if rec.ending, err = readEnding(ctx, src, id); err != nil {
			return fail(err)
		}
		if rec.outcomes, err = readOutcomes(ctx, src, id); err != nil {
			return fail(err)
		}
		cs, err := src.Clinicians(ctx)
		if err != nil {
			return fail(err)
		}
		rec.clinicians = map[int64]domain.Clinician{}
		for _, c := range cs {
			rec.clinicians[c.ID] = c
		}
		return loadedMsg{caseID: id, rec: rec, now: now}
	}
}

// actor is who an audit actor is, by name where the team knows them.
func (r record) actor(a string) string {
	return domain.ActorName(a, func(id int64) (string, bool) {
		c, ok := r.clinicians[id]
		return c.Name, ok
	})
}

func (r record) name(id int64) string {
	if c, ok := r.clinicians[id]; ok {
		return c.Name
	}
	return "unknown clinician"
}

// draft is the case's formulation draft, if any.
func (r record) draft() (domain.Formulation, bool) {
	for _, f := range r.formulations {
		if !f.Signed() {
			return f, true
		}
	}
	return domain.Formulation{}, false
}
