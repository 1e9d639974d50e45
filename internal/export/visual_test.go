package export

import "testing"

// Visual gives a line in drawing order: right-to-left runs reversed (brackets mirrored),
// the line left to right when it holds any Latin letter, right to left when it holds none.
func TestVisual(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Latin alone", "Zoë Ångström", "Zoë Ångström"},
		{"Arabic alone", "\uFEE3\uFEA4\uFEE4\uFEAA", "\uFEAA\uFEE4\uFEA4\uFEE3"},
		{"Arabic in an English line", "Name: \uFEF3\uFEEE\uFEB3\uFED2 (Leeds)", "Name: \uFED2\uFEB3\uFEEE\uFEF3 (Leeds)"},
		{"Arabic first, then Latin", "\uFEF3\uFEEE\uFEB3\uFED2 Ó Súilleabháin", "\uFED2\uFEB3\uFEEE\uFEF3 Ó Súilleabháin"},
		{"a list starting in Arabic", "\uFEF3\uFEEE\uFEB3\uFED2 Ó S; Zoë (COM, Probation)", "\uFED2\uFEB3\uFEEE\uFEF3 Ó S; Zoë (COM, Probation)"},
		{"Arabic with a number, no Latin", "\uFE8F 12", "12 \uFE8F"},
		{"two Arabic words", "\uFEF3\uFEEE\uFEB3\uFED2 \uFE8D\uFEDF\uFEA4\uFEAA\uFE8D\uFEA9",
			"\uFEA9\uFE8D\uFEAA\uFEA4\uFEDF\uFE8D \uFED2\uFEB3\uFEEE\uFEF3"},
		{"brackets in Arabic are mirrored", "\uFE8F (\uFE8F)", "(\uFE8F) \uFE8F"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Visual(tt.in); got != tt.want {
				t.Errorf("Visual(%q) = %q %U; want %q", tt.in, got, []rune(got), tt.want)
			}
		})
	}
}

// Shaping then ordering never loses or invents a letter, whatever the input: each rune
// of Visual(Shape(s)) is one of Shape(s)'s.
func FuzzShapeVisual(f *testing.F) {
	for _, s := range []string{"يوسف Ó Súilleabháin", "لا", "سلام (Leeds) 12", "Zoë", "\u064E", "a\u202Eb", "ب\nب"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		shaped := Shape(s)
		if len([]rune(shaped)) > len([]rune(s)) {
			t.Fatalf("Shape(%q) = %q is longer", s, shaped)
		}
		got := Visual(shaped)
		count := map[rune]int{}
		for _, r := range shaped {
			count[r]++
		}
		for _, r := range got {
			count[r]--
			if count[r] < 0 && !mirrored(r) {
				t.Fatalf("Visual(%q) = %q holds %U that was not there", shaped, got, r)
			}
		}
	})
}

// mirrored are the brackets Visual may swap.
func mirrored(r rune) bool {
	switch r {
	case '(', ')', '[', ']', '{', '}', '<', '>', '«', '»':
		return true
	}
	return r > 0x2000 // the rest of Unicode's paired brackets
}
