// Package forummeeting is the record of one risk forum meeting about a case (docs/RULES.md, "Risk forums",
// "informs or attends"): the kind, the date, who chairs it, whether the service attends
// or sends a written contribution, when its report is due, who from the team goes or
// writes, what the service shares and on what legal basis, and, once held, the outcome
// and the service's actions with their due dates. The same form books a meeting and,
// later, completes it.
package forummeeting

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// Saver is what the meeting record needs from the store. UpdateForumMeeting is given the
// meeting as the form opened it (was), so that a change someone else saved meanwhile is
// refused rather than overwritten.
type Saver interface {
	Reader
	RecordForumMeeting(ctx context.Context, actor string, at time.Time, m domain.ForumMeeting) (int64, error)
	UpdateForumMeeting(ctx context.Context, actor string, at time.Time, was, m domain.ForumMeeting) error
}

// New is the meeting form for person: a new meeting of case m.CaseID when m.ID is 0,
// else the meeting m as recorded, to add its outcome and actions or put it right.
func New(com common.Common, saver Saver, person string, m domain.ForumMeeting) *form.Model {
	t := typedFrom(m)
	title := "Forum meeting · " + person
	if m.ID == 0 {
		title = "New forum meeting · " + person
	}
	return form.New(com, form.Spec{
		Title:  title,
		Intro:  intro(com, m),
		Fields: func() []*huh.Group { return t.fields() },
		Submit: func() ([]string, tea.Cmd) {
			got, err := t.meeting(m)
			if err == nil {
				err = got.Validate()
			}
			if err != nil {
				return []string{sentence(err)}, nil
			}
			return nil, save(com, saver, m, got)
		},
		Recheck: recheck(saver, m),
	})
}

// intro reminds what may be shared and, on an existing meeting, when it was recorded: a line
// each, clipped rather than wrapped, so the form keeps its room in a small window.
func intro(com common.Common, m domain.ForumMeeting) func(width int) []string {
	lines := []string{"Share the minimum necessary; refer to other agencies' minutes, do not copy them."}
	if m.ID != 0 {
		rec := "Recorded " + common.MediumTime(m.RecordedAt, com.London)
		if !m.UpdatedAt.IsZero() {
			rec += "; last changed " + common.MediumTime(m.UpdatedAt, com.London)
		}
		lines = append([]string{rec + "."}, lines...)
	}
	return func(w int) []string {
		out := make([]string, len(lines))
		for i, l := range lines {
			out[i] = com.Theme.Muted.Render(common.Clip(l, max(w, 1)))
		}
		return out
	}
}

// save records a new meeting or changes one, and tells the screens the case changed.
func save(com common.Common, saver Saver, was, m domain.ForumMeeting) tea.Cmd {
	ctx, actor, clk := com.Ctx, com.Actor, com.Clock
	return func() tea.Msg {
		now := clk.Now() // in the command: Update reads no clock
		info := "Meeting recorded."
		var err error
		if was.ID == 0 {
			_, err = saver.RecordForumMeeting(ctx, actor, now, m)
		} else {
			err = saver.UpdateForumMeeting(ctx, actor, now, was, m)
			info = "Meeting updated."
		}
		if err != nil {
			return form.Done{Err: err}
		}
		return form.Done{Then: []tea.Msg{common.CaseChangedMsg{CaseID: m.CaseID}, common.InfoMsg{Text: info}}}
	}
}
