package referral

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// Source is what the view needs from the store.
type Source interface {
	Referral(ctx context.Context, id int64) (domain.Referral, error)
	Screening(ctx context.Context, referralID int64) (domain.ScreeningDecision, bool, error)
	Consultations(ctx context.Context, referralID int64) ([]domain.Consultation, error)
	Withdrawal(ctx context.Context, referralID int64) (domain.Withdrawal, bool, error)
	CaseForReferral(ctx context.Context, referralID int64) (domain.Case, bool, error)
	Clinicians(ctx context.Context) ([]domain.Clinician, error)
	Person(ctx context.Context, id int64) (domain.Person, error)
	PersonRecords(ctx context.Context, id int64) (referrals, cases int, err error)
	AnswerDuplicate(ctx context.Context, actor string, at time.Time, id int64, answer domain.DuplicateAnswer, seen, seenHeld domain.Person) error
	common.ViewRecorder
}

// record is everything the view shows about one referral, read together.
type record struct {
	ref           domain.Referral
	screening     domain.ScreeningDecision
	screened      bool
	consultations []domain.Consultation
	withdrawal    domain.Withdrawal
	withdrawn     bool
	kase          domain.Case
	hasCase       bool
	clinicians    []domain.Clinician
	// possible is the person held whom this referral's person may be (ref's
	// PossibleDuplicateOf), zero when none.
	possible domain.Person
	// counts are the referrals and cases of the referral's person and of possible,
	// read while the question is open.
	counts [2]personRecords
}

type loadedMsg struct {
	rec record
	now time.Time
	err error
}

func (m *Model) load() tea.Cmd {
	ctx, src, id, clk := m.com.Ctx, m.src, m.id, m.com.Clock
	return func() tea.Msg {
		var rec record
		var err error
		if rec.ref, err = src.Referral(ctx, id); err != nil {
			return loadedMsg{err: err}
		}
		if rec.screening, rec.screened, err = src.Screening(ctx, id); err != nil {
			return loadedMsg{err: err}
		}
		if rec.consultations, err = src.Consultations(ctx, id); err != nil {
			return loadedMsg{err: err}
		}
		if rec.withdrawal, rec.withdrawn, err = src.Withdrawal(ctx, id); err != nil {
			return loadedMsg{err: err}
		}
		if rec.kase, rec.hasCase, err = src.CaseForReferral(ctx, id); err != nil {
			return loadedMsg{err: err}
		}
		if rec.clinicians, err = src.Clinicians(ctx); err != nil {
			return loadedMsg{err: err}
		}
		if id := rec.ref.PossibleDuplicateOf; id != 0 {
			if rec.possible, err = src.Person(ctx, id); err != nil {
				return loadedMsg{err: err}
			}
		}
		if rec.ref.DuplicateOpen() {
			for i, id := range []int64{rec.ref.Person.ID, rec.possible.ID} {
				if rec.counts[i].referrals, rec.counts[i].cases, err = src.PersonRecords(ctx, id); err != nil {
					return loadedMsg{err: err}
				}
			}
		}
		return loadedMsg{rec: rec, now: clk.Now()}
	}
}

// actorName is who an audit actor is, by name ("clinician:3" is the clinician's name).
func (r record) actorName(actor string) string {
	return domain.ActorName(actor, func(id int64) (string, bool) {
		for _, c := range r.clinicians {
			if c.ID == id {
				return c.Name, true
			}
		}
		return "", false
	})
}

// clinicianName names a clinician by id for the decisions.
func (r record) clinicianName(id int64) string {
	for _, c := range r.clinicians {
		if c.ID == id {
			return c.Name
		}
	}
	return "unknown clinician"
}
