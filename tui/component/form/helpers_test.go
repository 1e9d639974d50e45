package form

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// values is what the test form is bound to.
type values struct {
	given, family, notes, town string
	submits                    int
	refuse                     []string // problems Submit gives, when set
	saveErr                    error    // what the save returns
}

func required(what string) func(string) error {
	return func(v string) error {
		if strings.TrimSpace(v) == "" {
			return errors.New(what + " is required")
		}
		return nil
	}
}

// testForm is a form of two pages: a person's names and notes, then a town.
func testForm(v *values) *Model {
	com := tuitest.Session(testNow, domain.Clinician{ID: 1, Name: "Dr Test"})
	return New(com, Spec{
		Title: "Test form",
		Fields: func() []*huh.Group {
			return []*huh.Group{
				huh.NewGroup(
					huh.NewInput().Title("Given name *").Value(&v.given).Validate(required("given name")),
					huh.NewInput().Title("Family name *").Value(&v.family).Validate(required("family name")),
					huh.NewText().Title("Notes").Lines(3).Value(&v.notes),
				).Title("Person"),
				huh.NewGroup(
					huh.NewInput().Title("Town *").Value(&v.town).Validate(required("town")),
				).Title("Place"),
			}
		},
		Submit: func() ([]string, tea.Cmd) {
			v.submits++
			if v.refuse != nil {
				return v.refuse, nil
			}
			err := v.saveErr
			return nil, func() tea.Msg { return Done{Err: err} }
		},
	})
}

// watcher hosts a form and writes down, after each message it hands over, the
// message's type and whether the form was settling then.
type watcher struct {
	*tuitest.Host
	log []string
}

func (w *watcher) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := w.Host.Update(msg)
	if _, ok := msg.(tea.WindowSizeMsg); !ok {
		w.log = append(w.log, fmt.Sprintf("%T %v", msg, w.form().Settling()))
	}
	return w, cmd
}

func (w *watcher) form() *Model { return w.Screen.(*Model) }

// focusedValue is the value of the field huh has focused.
func focusedValue(m *Model) string {
	return fmt.Sprint(m.form.GetFocusedField().GetValue())
}

func open(t *testing.T, v *values) (*tuitest.Driver, *watcher) {
	t.Helper()
	return openForm(t, testForm(v), 80)
}

// openForm drives m, w wide, under a watcher.
func openForm(t *testing.T, m *Model, w int) (*tuitest.Driver, *watcher) {
	t.Helper()
	wt := &watcher{Host: &tuitest.Host{Screen: m}}
	return tuitest.New(t, wt, w, 30), wt
}

var _ common.Settler = (*Model)(nil)
