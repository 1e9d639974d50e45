package autosave

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"caseload/tui/common"
)

// stale is how a screen, which never imports the store, reads the store's refusal of a
// save made from an older revision, or of a draft signed since (store.StaleError).
type stale interface {
	error
	Changer() string
	ChangedAt() time.Time
	SignedSince() bool
}

// Conflict is a draft changed elsewhere while this editor held it: saved from another
// window, or signed. The editor keeps its text and offers the choices in Keys.
type Conflict struct {
	Who    string
	At     time.Time
	Signed bool
	// Other is the text stored now, once read, for the side-by-side view.
	Other string
	// Sides is whether the two texts are shown side by side.
	Sides bool
}

// Detect reads a refused save as a conflict; ok is false for any other failure.
func Detect(err error) (Conflict, bool) {
	var s stale
	if !errors.As(err, &s) {
		return Conflict{}, false
	}
	return Conflict{Who: s.Changer(), At: s.ChangedAt(), Signed: s.SignedSince()}, true
}

// ConflictKeys are the choices an editor in conflict offers.
type ConflictKeys struct {
	Keep, Load, Sides, Over, Leave key.Binding
}

// NewConflictKeys is the one set of conflict keys both editors use.
func NewConflictKeys() ConflictKeys {
	return ConflictKeys{
		Keep:  key.NewBinding(key.WithKeys("ctrl+k"), key.WithHelp("ctrl+k", "keep mine as a new draft")),
		Load:  key.NewBinding(key.WithKeys("ctrl+l"), key.WithHelp("ctrl+l", "load the other, drop mine")),
		Sides: key.NewBinding(key.WithKeys("ctrl+v"), key.WithHelp("ctrl+v", "side by side")),
		Over:  key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "save mine over it")),
		Leave: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "keep mine as a new draft and close")),
	}
}

// Help lists the keys that apply: saving over is offered only for a draft still a draft.
func (c Conflict) Help(k ConflictKeys) []key.Binding {
	out := []key.Binding{k.Keep, k.Load, k.Sides}
	if !c.Signed {
		out = append(out, k.Over)
	}
	return append(out, k.Leave)
}

// Lines are the two lines an editor shows above its text while in conflict: who did
// what when (London time), and the choices.
func (c Conflict) Lines(th *common.Theme, loc *time.Location, width int, what string) []string {
	did := "saved a newer version of this " + what
	if c.Signed {
		did = "signed this " + what
	}
	head := fmt.Sprintf("%s %s at %s in another window. Your text is kept here, not saved over it.",
		c.Who, did, common.MediumTime(c.At, loc))
	var keys []string
	for _, b := range c.Help(NewConflictKeys()) {
		keys = append(keys, b.Help().Key+" "+b.Help().Desc)
	}
	out := []string{}
	for _, l := range common.Wrap(head, width) {
		out = append(out, th.Error.Render(l))
	}
	for _, l := range common.Wrap(strings.Join(keys, " · "), width) {
		out = append(out, th.Header.Render(l))
	}
	return out
}

// SideBySide lays two texts in two columns of equal width within width cells, headed by
// their titles, in exactly height lines. Widths are measured in terminal cells, so wide
// characters keep the columns straight.
func SideBySide(leftTitle, left, rightTitle, right string, width, height int) []string {
	col := max((width-3)/2, 1)
	l := append([]string{leftTitle, strings.Repeat("─", col)}, wrapAll(left, col)...)
	r := append([]string{rightTitle, strings.Repeat("─", col)}, wrapAll(right, col)...)
	var out []string
	for i := 0; i < height; i++ {
		a, b := "", ""
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			b = r[i]
		}
		line := common.Fit(a, col) + " │ " + common.Fit(b, col)
		out = append(out, ansi.Truncate(line, width, ""))
	}
	return out
}

// wrapAll wraps each line of s, keeping its line breaks.
func wrapAll(s string, w int) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		out = append(out, common.Wrap(line, w)...)
	}
	return out
}
