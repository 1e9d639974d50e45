package note

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// AddendumSaver is what adding an addendum needs from the store.
type AddendumSaver interface {
	AddAddendum(ctx context.Context, clinicianID int64, at time.Time, a domain.Addendum) (domain.Addendum, error)
}

// NewAddendum is the form that adds a signed addendum to signed note n: a correction or
// later information, written and signed by its own author in one step, after a
// confirmation that names the note and, like component/confirm, ignores keys for
// com.ArmAfter once it is reached (armedConfirm).
func NewAddendum(com common.Common, saver AddendumSaver, n domain.Note) *form.Model {
	a := domain.Addendum{NoteID: n.ID, AuthorID: com.Me.ID, Kind: domain.AddendumCorrection}
	var kind = string(a.Kind)
	var confirmed bool
	return form.New(com, form.Spec{
		Title: "Addendum",
		Intro: func(int) []string {
			return []string{"To the " + n.Type.Label() + " note of " + common.MediumTime(n.ContactAt, com.London) +
				". The note itself stays as signed; this is shown under it."}
		},
		Fields: func() []*huh.Group {
			confirmed = false
			return []*huh.Group{huh.NewGroup(
				huh.NewSelect[string]().Title("Kind *").Inline(true).Value(&kind).Options(
					huh.NewOption("correction", string(domain.AddendumCorrection)),
					huh.NewOption("later information", string(domain.AddendumLaterInfo))),
				huh.NewText().Title("Addendum *").Lines(5).Value(&a.Text).Validate(func(v string) error {
					if strings.TrimSpace(v) == "" {
						return errors.New("the addendum is empty")
					}
					return nil
				}),
				armed(com, huh.NewConfirm().Title("Sign this addendum? It cannot be changed once signed.").
					Affirmative("Sign").Negative("Not yet").Value(&confirmed)),
			)}
		},
		Submit: func() ([]string, tea.Cmd) {
			if !confirmed {
				return []string{"Not signed: choose Sign to confirm."}, nil
			}
			a.Kind = domain.AddendumKind(kind)
			if err := domain.CheckAddendum(n, a); err != nil {
				return []string{err.Error()}, nil
			}
			ctx, now := com.Ctx, com.Clock.Now()
			return nil, func() tea.Msg {
				if _, err := saver.AddAddendum(ctx, com.Me.ID, now, a); err != nil {
					return form.Done{Err: err}
				}
				return form.Done{Then: []tea.Msg{common.CaseChangedMsg{CaseID: n.CaseID},
					common.InfoMsg{Text: "Addendum signed and shown under the note."}}}
			}
		},
	})
}
