package referral

import (
	"charm.land/bubbles/v2/key"

	"caseload/internal/domain"
)

// KeyMap is the view's keys.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Back key.Binding
	Edit, Screen, Consult, Withdraw  key.Binding
	// Duplicate answers "possibly the same person as …" (docs/RULES.md, "Possible
	// duplicates").
	Duplicate key.Binding
}

// DefaultKeyMap returns the view's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn", "page down")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Edit:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "correct facts")),
		Screen:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "screen")),
		Consult:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "consultation")),
		Withdraw:  key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "withdraw")),
		Duplicate: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "same person?")),
	}
}

// whyNot says why an action cannot be taken on a referral in its present state, or ""
// when it can: the keys explain themselves rather than doing nothing.
func whyNot(action string, r domain.Referral) string {
	switch action {
	case "screen":
		if r.Status != domain.StatusReceived {
			return "Already screened: the referral is " + r.Status.Label() + "."
		}
	case "consult":
		switch r.Status {
		case domain.StatusScreenedIn, domain.StatusConsultation:
		case domain.StatusReceived:
			return "Screen the referral in (s) before recording a consultation."
		default:
			return "No consultation to record: the referral is " + r.Status.Label() + "."
		}
	case "withdraw":
		if !r.Status.Open() {
			return "The referral is " + r.Status.Label() + " already; there is nothing to withdraw."
		}
	case "duplicate":
		switch {
		case r.PossibleDuplicateOf == 0:
			return "This referral is not marked as a possible duplicate: there is nothing to answer."
		case !r.DuplicateOpen():
			return "Already answered: " + r.Duplicate.Answer.Label() + "."
		}
	}
	return ""
}
