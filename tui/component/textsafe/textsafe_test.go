package textsafe

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"caseload/tui/tuitest"
)

// input is a focused text input holding value with the cursor at pos.
func input(value string, pos int) textinput.Model {
	in := textinput.New()
	in.Focus()
	in.SetValue(value)
	in.SetCursor(pos)
	return in
}

// The exact sequence of finding 7: type "risk", ←, alt+d. Straight into bubbles it
// panics (kept here so the test shows the guard is still needed); through Update it
// deletes the k.
func TestRiskLeftAltD(t *testing.T) {
	feed := func(update func(textinput.Model, tea.Msg) (textinput.Model, tea.Cmd)) (got string, panicked bool) {
		defer func() {
			if recover() != nil {
				panicked = true
			}
		}()
		in := input("", 0)
		for _, k := range []string{"r", "i", "s", "k", "left", "alt+d"} {
			in, _ = update(in, tuitest.Key(k))
		}
		return in.Value(), false
	}
	if _, panicked := feed(textinput.Model.Update); !panicked {
		t.Log("bubbles no longer panics on risk ← alt+d: the guard may be dropped with this release")
	}
	got, panicked := feed(Update)
	if panicked || got != "ris" {
		t.Errorf("through Update: %q (panicked %v), want \"ris\"", got, panicked)
	}
}

// Where bubbles does not crash, Update deletes exactly what bubbles deletes; where it
// would, the rest of the last word goes.
func TestDeleteWordForwardMatchesBubbles(t *testing.T) {
	for _, value := range []string{"risk", "risk of harm", "a  b", "ab ", " ", "x", "héllo wörld 😀", "שלום עולם", "  lead", "end  "} {
		n := len([]rune(value))
		for pos := 0; pos <= n; pos++ {
			got := input(value, pos)
			got, _ = Update(got, tuitest.Key("alt+d"))
			if WordForwardCrashes(pos, n) {
				if want := string([]rune(value)[:pos]); got.Value() != want || got.Position() != pos {
					t.Errorf("%q at %d: %q cursor %d, want %q cursor %d", value, pos, got.Value(), got.Position(), want, pos)
				}
				continue
			}
			want, _ := input(value, pos).Update(tuitest.Key("alt+d"))
			if got.Value() != want.Value() || got.Position() != want.Position() {
				t.Errorf("%q at %d: %q cursor %d, bubbles gives %q cursor %d",
					value, pos, got.Value(), got.Position(), want.Value(), want.Position())
			}
		}
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Smith", "Smith"},
		{"Smith\n", "Smith"},
		{"Smith\r\n", "Smith"},
		{"1 High St\nLeeds", "1 High St Leeds"},
		{"a\r\nb\rc\nd", "a b c d"},
		{"\n\n", ""},
		{"a\n\nb", "a  b"},
	}
	for _, tt := range tests {
		if got := OneLine(tt.in); got != tt.want {
			t.Errorf("OneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Lines("a\r\nb\rc\n"); got != "a\nb\nc\n" {
		t.Errorf("Lines = %q", got)
	}
}

// A paste into a single line never ends it: the line breaks become spaces.
func TestPasteIsOneLine(t *testing.T) {
	in := input("Mr ", 3)
	in, _ = Update(in, tea.PasteMsg{Content: "John\r\nSmith\n"})
	if in.Value() != "Mr John Smith" {
		t.Errorf("got %q", in.Value())
	}
}

// editKeys are the keys the fuzz targets draw from: every editing key of a text input,
// the keys that move focus, and letters from several scripts.
var editKeys = []tea.Msg{
	tuitest.Key("alt+d"), tuitest.Key("alt+delete"), tuitest.Key("ctrl+delete"),
	tuitest.Key("alt+backspace"), tuitest.Key("ctrl+w"), tuitest.Key("ctrl+k"), tuitest.Key("ctrl+u"),
	tuitest.Key("left"), tuitest.Key("right"), tuitest.Key("home"), tuitest.Key("end"),
	tuitest.Key("alt+left"), tuitest.Key("alt+right"), tuitest.Key("alt+b"), tuitest.Key("alt+f"),
	tuitest.Key("ctrl+a"), tuitest.Key("ctrl+e"), tuitest.Key("backspace"), tuitest.Key("delete"),
	tuitest.Key("space"), tuitest.Key("a"), tuitest.Key("Z"), tuitest.Key("é"), tuitest.Key("😀"),
	tuitest.Key("ש"), tuitest.Key("ل"), tuitest.Key("字"), tuitest.Key("enter"), tuitest.Key("tab"),
	tuitest.Key("shift+tab"), tea.PasteMsg{Content: "two\nlines 😀"}, tea.PasteMsg{Content: " \r\n"},
}

// Keys turns fuzz bytes into a key sequence.
func Keys(data []byte) []tea.Msg {
	out := make([]tea.Msg, 0, len(data))
	for _, b := range data {
		out = append(out, editKeys[int(b)%len(editKeys)])
	}
	return out
}

func FuzzUpdate(f *testing.F) {
	f.Add([]byte{20, 21, 22, 20, 7, 0})
	f.Add([]byte{23, 23, 7, 7, 0, 1, 2, 3, 4})
	f.Add([]byte(strings.Repeat("\x18\x07\x00", 20)))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := textinput.New()
		in.CharLimit = 12
		in.SetWidth(5)
		in.Focus()
		for _, k := range Keys(data) {
			in, _ = Update(in, k)
			if p, n := in.Position(), len([]rune(in.Value())); p < 0 || p > n {
				t.Fatalf("cursor %d outside %q", p, in.Value())
			}
		}
	})
}
