package common

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Width is ansi.StringWidth, whatever the text: printable ASCII counted a byte a cell,
// the rest measured.
func TestWidth(t *testing.T) {
	for _, s := range []string{"", "Ada Lovelace", "999 000 0018", "~!@#$%^&*()_+", "Zoë Okafor", "Jamal 陈",
		"محمد Al-Sayed", "👩🏽‍⚕️ nurse", "e\u0301", "\x1b[31mred\x1b[0m", "tab\there", "del\x7f", "\x00"} {
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzWidth(f *testing.F) {
	for _, s := range []string{"Ada", "Zoë", "陈", "\x1b[1mbold\x1b[0m", "👍🏿"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	})
}
