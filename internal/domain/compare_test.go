package domain

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func same(s string) DiffPart    { return DiffPart{DiffSame, s} }
func added(s string) DiffPart   { return DiffPart{DiffAdded, s} }
func removed(s string) DiffPart { return DiffPart{DiffRemoved, s} }

func TestDiffWords(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []DiffPart
	}{
		{"both empty", "", "", nil},
		{"identical", "Denies current thoughts of harm.", "Denies current thoughts of harm.",
			[]DiffPart{same("Denies current thoughts of harm.")}},
		{"insertion", "Lives with his mother.", "Lives alone with his mother.",
			[]DiffPart{same("Lives "), added("alone "), same("with his mother.")}},
		{"deletion", "Uses cannabis most days.", "Uses cannabis days.",
			[]DiffPart{same("Uses cannabis "), removed("most "), same("days.")}},
		{"replacement", "Risk is high when drinking.", "Risk is raised when drinking.",
			[]DiffPart{same("Risk is "), removed("high "), added("raised "), same("when drinking.")}},
		{"several words replaced together", "seen by the duty nurse today", "seen by Dr Okafor today",
			[]DiffPart{same("seen by "), removed("the duty nurse "), added("Dr Okafor "), same("today")}},
		{"empty to text", "", "Engages well.", []DiffPart{added("Engages well.")}},
		{"text to empty", "Engages well.", "", []DiffPart{removed("Engages well.")}},
		{"word added at the end", "a b", "a b c", []DiffPart{same("a b"), added(" c")}},
		{"word removed at the end", "a b c", "a b", []DiffPart{same("a b"), removed(" c")}},
		{"only whitespace changed", "one two", "one\ttwo",
			[]DiffPart{same("one"), removed(" "), added("\t"), same("two")}},
		{"leading whitespace", "  indented", "indented", []DiffPart{removed("  "), same("indented")}},
		{"trailing whitespace added", "done", "done\n", []DiffPart{same("done"), added("\n")}},
		{"unicode names", "Seen with Zoë and Łukasz.", "Seen with Zoë, Łukasz and Siobhán.",
			[]DiffPart{same("Seen with "), removed("Zoë "), added("Zoë, Łukasz "), same("and "), removed("Łukasz."), added("Siobhán.")}},
		{"emoji", "mood 🙂 today", "mood 😟 today",
			[]DiffPart{same("mood "), removed("🙂 "), added("😟 "), same("today")}},
		{"family emoji kept whole", "drew 👨‍👩‍👧 family", "drew 👨‍👩‍👦 family",
			[]DiffPart{same("drew "), removed("👨‍👩‍👧 "), added("👨‍👩‍👦 "), same("family")}},
		{"right to left", "أخي يوسف يزورني", "أخي أحمد يزورني",
			[]DiffPart{same("أخي "), removed("يوسف "), added("أحمد "), same("يزورني")}},
		{"CJK and a non-breaking space", "陈\u00a0浩然 attended", "陈\u00a0浩然 did not attend",
			[]DiffPart{same("陈\u00a0浩然 "), removed("attended"), added("did not attend")}},
		{"multi-line", "Line one.\nLine two.\n\nLine four.", "Line one.\nLine 2.\n\nLine four.\n",
			// The line break belongs to the word before it, so it goes and comes back with it.
			[]DiffPart{same("Line one.\nLine "), removed("two.\n\n"), added("2.\n\n"), same("Line four."), added("\n")}},
		{"paragraph inserted", "First.\n\nLast.", "First.\n\nMiddle.\n\nLast.",
			[]DiffPart{same("First.\n\n"), added("Middle.\n\n"), same("Last.")}},
		{"invalid UTF-8 kept byte for byte", "a \xff b", "a \xfe b",
			[]DiffPart{same("a "), removed("\xff "), added("\xfe "), same("b")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DiffWords(tt.old, tt.new)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("DiffWords(%q, %q)\n got %q\nwant %q", tt.old, tt.new, got, tt.want)
			}
			checkDiff(t, tt.old, tt.new, got)
		})
	}
}

// checkDiff asserts what every diff must hold: both texts rebuild exactly, no part is
// empty, neighbours differ in kind (and a removal comes before its addition), and equal
// texts have nothing but Same.
func checkDiff(t testing.TB, old, new string, parts []DiffPart) {
	t.Helper()
	var was, is strings.Builder
	for i, p := range parts {
		if p.Text == "" {
			t.Fatalf("part %d is empty: %q", i, parts)
		}
		if i > 0 && parts[i-1].Kind == p.Kind {
			t.Fatalf("parts %d and %d are both %s: %q", i-1, i, p.Kind, parts)
		}
		if i > 0 && parts[i-1].Kind == DiffAdded && p.Kind == DiffRemoved {
			t.Fatalf("part %d removes after an addition: %q", i, parts)
		}
		switch p.Kind {
		case DiffSame:
			was.WriteString(p.Text)
			is.WriteString(p.Text)
		case DiffRemoved:
			was.WriteString(p.Text)
		case DiffAdded:
			is.WriteString(p.Text)
		default:
			t.Fatalf("part %d has kind %d", i, p.Kind)
		}
	}
	if was.String() != old || is.String() != new {
		t.Fatalf("diff of %q and %q rebuilds %q and %q: %q", old, new, was.String(), is.String(), parts)
	}
	if old == new && len(parts) > 1 {
		t.Fatalf("equal texts give %q", parts)
	}
}

// randomText draws words from a small vocabulary (so two texts share some) joined by
// assorted whitespace, sometimes starting or ending with whitespace.
func randomText(r *rand.Rand) string {
	vocab := []string{"risk", "harm", "mother", "Zoë", "يوسف", "🙂", "👨‍👩‍👧", "陈", "a", "the", "\xff", "e\u0301"}
	spaces := []string{" ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2003"}
	var b strings.Builder
	if r.IntN(5) == 0 {
		b.WriteString(spaces[r.IntN(len(spaces))])
	}
	n := r.IntN(30)
	for i := range n {
		b.WriteString(vocab[r.IntN(len(vocab))])
		if i < n-1 || r.IntN(4) == 0 {
			b.WriteString(spaces[r.IntN(len(spaces))])
		}
	}
	return b.String()
}

func TestDiffWordsRebuildsBothTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		old, new := randomText(r), randomText(r)
		if r.IntN(4) == 0 {
			new = old + new // a shared start
		}
		checkDiff(t, old, new, DiffWords(old, new))
		// The fallbacks hold the same promise: a limit of 4 pairs forces the line
		// diff and a limit of 0 the whole-text one on nearly every pair.
		checkDiff(t, old, new, diffText(old, new, 4))
		checkDiff(t, old, new, diffText(old, new, 0))
	}
}

func TestDiffFallsBackOnLongTexts(t *testing.T) {
	old := "Same start.\nfirst line of many words here\nSame end."
	new := "Same start.\nsecond row with other words there\nSame end."

	// Word by word, the middle is 6 words against 6: 36 pairs.
	if got := diffText(old, new, 36); !hasPart(got, same("words ")) {
		t.Errorf("under the limit the diff is by word: %q", got)
	}
	wantLines := []DiffPart{same("Same start.\n"), removed("first line of many words here\n"),
		added("second row with other words there\n"), same("Same end.")}
	if got := diffText(old, new, 35); !reflect.DeepEqual(got, wantLines) {
		t.Errorf("over the word limit the diff is by line:\n got %q\nwant %q", got, wantLines)
	}
	wantWhole := []DiffPart{removed(old), added(new)}
	if got := diffText(old, new, 0); !reflect.DeepEqual(got, wantWhole) {
		t.Errorf("over the line limit the whole text changes:\n got %q\nwant %q", got, wantWhole)
	}
}

func hasPart(parts []DiffPart, p DiffPart) bool {
	for _, q := range parts {
		if q == p {
			return true
		}
	}
	return false
}

// Two long texts with nothing in common would need a 9-million-cell table word by word;
// the guard sends them to the line diff, which for one line each is a simple swap.
func TestDiffWordsGuardsMemory(t *testing.T) {
	var a, b strings.Builder
	for i := range 3000 {
		a.WriteString("alpha" + strings.Repeat("x", i%7) + " ")
		b.WriteString("beta" + strings.Repeat("y", i%5) + " ")
	}
	got := DiffWords(a.String(), b.String())
	if want := []DiffPart{removed(a.String()), added(b.String())}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %d parts, want the one line removed and the other added", len(got))
	}
	// An edit in the middle of a long text is still a word diff: the shared start and
	// end are set aside before the guard counts.
	long := a.String()
	edited := strings.Replace(long, "alphaxxx ", "omega ", 1)
	got = DiffWords(long, edited)
	checkDiff(t, long, edited, got)
	if len(got) != 4 || got[1] != removed("alphaxxx ") || got[2] != added("omega ") {
		t.Errorf("a one-word edit in a long text: %d parts, %q %q", len(got), got[1], got[2])
	}
}

func TestCompareFormulations(t *testing.T) {
	old := Formulation{Version: 1, Sections: map[SectionID]string{
		"presenting": "Low mood and poor sleep.",
		"protective": "Close to his sister.",
		"plan":       "Weekly sessions.",
	}}
	new := old.NextDraft(2, old.CreatedAt)
	new.Sections["presenting"] = "Low mood, poor sleep and anger."
	delete(new.Sections, "protective")
	new.Sections["risk_nature"] = "Violence when drinking."
	new.Sections["not_a_section"] = "ignored"

	got := CompareFormulations(old, new)
	if len(got) != len(FormulationSections) {
		t.Fatalf("%d sections, want %d", len(got), len(FormulationSections))
	}
	for i, c := range got {
		if c.Section != FormulationSections[i] {
			t.Fatalf("section %d is %s, want %s: not in formulation order", i, c.Section.ID, FormulationSections[i].ID)
		}
		checkDiff(t, old.Text(c.Section.ID), new.Text(c.Section.ID), c.Parts)
		changed := map[SectionID]bool{"presenting": true, "protective": true, "risk_nature": true}[c.Section.ID]
		if c.Changed != changed {
			t.Errorf("%s: Changed %v, want %v", c.Section.ID, c.Changed, changed)
		}
	}
	byID := map[SectionID]SectionChange{}
	for _, c := range got {
		byID[c.Section.ID] = c
	}
	if p := byID["presenting"].Parts; !reflect.DeepEqual(p, []DiffPart{same("Low "), removed("mood and "),
		added("mood, "), same("poor "), removed("sleep."), added("sleep and anger.")}) {
		t.Errorf("presenting: %q", p)
	}
	if p := byID["protective"].Parts; !reflect.DeepEqual(p, []DiffPart{removed("Close to his sister.")}) {
		t.Errorf("protective: %q", p)
	}
	if p := byID["plan"].Parts; !reflect.DeepEqual(p, []DiffPart{same("Weekly sessions.")}) {
		t.Errorf("plan: %q", p)
	}
	if p := byID["risk_victims"].Parts; p != nil {
		t.Errorf("a section empty in both has parts %q", p)
	}
}

func FuzzDiffWords(f *testing.F) {
	for _, s := range [][2]string{
		{"", ""}, {"a b c", "a c"}, {"Lives with his mother.", "Lives alone."},
		{"  lead\n", "lead"}, {"يوسف الحداد", "يوسف"}, {"👨‍👩‍👧 🙂", "🙂\r\n"}, {"a \xff b", "a\u00a0b"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, old, new string) {
		checkDiff(t, old, new, DiffWords(old, new))
		checkDiff(t, old, new, diffText(old, new, 4))
	})
}
