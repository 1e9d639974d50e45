// Package transitionform records how a case stood at one time point of its transition
// to the community (docs/RULES.md, "Outcomes of the transition"): at acceptance its
// MAPPA level and RoSH; at release GP registration, accommodation and the links with
// community services; at discharge the links, whether recalled, MAPPA level and RoSH.
// Only the questions of the point chosen are asked. A record made by a colleague since
// the form opened is never replaced unseen: the save is refused naming who and when,
// everything typed is kept, and a second save records over theirs knowingly.
package transitionform

import (
	"context"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// Saver is what the form writes through and reads again.
type Saver interface {
	RecordTransitionOutcome(ctx context.Context, clinicianID int64, at time.Time, o domain.TransitionOutcome, seen int64) (domain.TransitionOutcome, error)
	TransitionOutcomes(ctx context.Context, caseID int64) ([]domain.TransitionOutcome, error)
}

// typed is what is typed at one point, each answer as its stored word ("" not recorded).
type typed struct {
	gp, gpOn, accommodation, mentalHealth, substanceUse, physicalHealth, recalled, mappa, rosh string
}

// answers hold what is typed at each point, outliving any rebuild of the form.
type answers struct {
	point string
	at    map[domain.TimePoint]*typed
}

// standing is the outcome standing at each point as the form last read them: what a
// save is checked against. A refusal over a colleague's record takes theirs in, so the
// next save is made knowing it; the recheck reads it off the UI goroutine.
type standing struct {
	mu sync.Mutex
	by map[domain.TimePoint]domain.TransitionOutcome
}

func (s *standing) get(p domain.TimePoint) domain.TransitionOutcome {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.by[p]
}

func (s *standing) set(p domain.TimePoint, o domain.TransitionOutcome) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.by[p] = o
}

// New is the form of msg's case, opening at msg's point (acceptance when none), each
// point's questions starting from the outcome standing there.
func New(com common.Common, saver Saver, msg common.RecordTransitionOutcomeMsg) *form.Model {
	today := ident.DateOf(com.Clock.Now().In(com.London))
	st := &standing{by: domain.StandingOutcomes(msg.Standing)}
	a := &answers{point: string(msg.Point), at: map[domain.TimePoint]*typed{}}
	if a.point == "" {
		a.point = string(domain.PointAcceptance)
	}
	for _, p := range domain.OutcomePoints {
		a.at[p] = typedOf(st.get(p))
	}
	return form.New(com, form.Spec{
		Title:   "Transition outcomes · " + msg.Person,
		Intro:   func(w int) []string { return a.intro(com, st, w) },
		Fields:  func() []*huh.Group { return a.fields(st, today) },
		Submit:  func() ([]string, tea.Cmd) { return a.submit(com, saver, msg.CaseID, st, today) },
		Recheck: recheck(saver, msg.CaseID, st),
	})
}

// typedOf is an outcome as the form's answers.
func typedOf(o domain.TransitionOutcome) *typed {
	t := &typed{gp: string(o.GPRegistered), accommodation: string(o.Accommodation), mentalHealth: string(o.MentalHealth),
		substanceUse: string(o.SubstanceUse), physicalHealth: string(o.PhysicalHealth), recalled: string(o.Recalled),
		mappa: string(o.MAPPALevel), rosh: string(o.RoSH)}
	if !o.GPRegisteredOn.IsZero() {
		t.gpOn = o.GPRegisteredOn.String()
	}
	return t
}
