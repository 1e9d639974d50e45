// Package involvement is the form of a case's standing with one risk forum (docs/RULES.md,
// "Risk forums"): for MAPPA the category, the level and the day the partners gave them; for every
// forum whether its involvement is still active, and a note such as the MARAC area or
// the Channel case reference. The forum is chosen before the form opens.
package involvement

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// Saver is what the form needs from the store.
type Saver interface {
	Reader
	SetInvolvementSeen(ctx context.Context, actor string, at time.Time, seen, v domain.ForumInvolvement) error
}

// New is the form of person's standing with forum v.Forum, opened on what is recorded
// (v), or on a new involvement when nothing is.
func New(com common.Common, saver Saver, person string, v domain.ForumInvolvement) *form.Model {
	today := ident.DateOf(com.Clock.Now().In(com.London))
	t := typedFrom(v, today)
	return form.New(com, form.Spec{
		Title:  v.Forum.Label() + " · " + person,
		Intro:  intro(com, v),
		Fields: func() []*huh.Group { return t.fields(v.Forum, today) },
		Submit: func() ([]string, tea.Cmd) {
			if !t.confirmed {
				return []string{"Not recorded: choose Record to confirm."}, nil
			}
			got, err := t.involvement(v, today)
			if err == nil {
				err = got.Validate()
			}
			if err != nil {
				return []string{sentence(err)}, nil
			}
			return nil, save(com, saver, person, v, got)
		},
		Recheck: recheck(saver, v),
	})
}

// recorded reports whether v holds something recorded: an involvement never recorded
// comes with only its case and forum.
func recorded(v domain.ForumInvolvement) bool {
	return v != domain.ForumInvolvement{CaseID: v.CaseID, Forum: v.Forum}
}

// intro says what is recorded now, on one line clipped to the width.
func intro(com common.Common, v domain.ForumInvolvement) func(width int) []string {
	line := "Nothing recorded yet for " + v.Forum.Label() + "."
	if recorded(v) {
		line = "Recorded: " + v.Describe() + "."
	}
	return func(w int) []string { return []string{com.Theme.Muted.Render(common.Clip(line, max(w, 1)))} }
}

// save records the standing and tells the screens the case changed.
func save(com common.Common, saver Saver, person string, seen, v domain.ForumInvolvement) tea.Cmd {
	ctx, actor, clk := com.Ctx, com.Actor, com.Clock
	return func() tea.Msg {
		if err := saver.SetInvolvementSeen(ctx, actor, clk.Now(), seen, v); err != nil {
			return form.Done{Err: err}
		}
		return form.Done{Then: []tea.Msg{common.CaseChangedMsg{CaseID: v.CaseID},
			common.InfoMsg{Text: v.Forum.Label() + " recorded for " + person + "."}}}
	}
}
