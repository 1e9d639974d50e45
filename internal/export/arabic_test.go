package export

import (
	"fmt"
	"testing"
)

// Each letter takes the form its neighbours call for; right-joining letters (alef, dal,
// reh, waw) end a word's joining; lam with alef is one ligature; marks do not break a
// join; Latin passes through.
func TestShape(t *testing.T) {
	tests := []struct {
		name, in string
		want     []rune
	}{
		{"one letter alone", "ب", []rune{0xFE8F}},
		{"two dual-joining", "بت", []rune{0xFE91, 0xFE96}},
		{"initial, medial, final", "محمد", []rune{0xFEE3, 0xFEA4, 0xFEE4, 0xFEAA}},
		{"right-joining breaks the word", "يوسف", []rune{0xFEF3, 0xFEEE, 0xFEB3, 0xFED2}},
		{"alef after a right-joining letter is isolated", "داود", []rune{0xFEA9, 0xFE8D, 0xFEED, 0xFEA9}},
		{"lam-alef alone", "لا", []rune{0xFEFB}},
		{"lam-alef joined before", "سلام", []rune{0xFEB3, 0xFEFC, 0xFEE1}},
		{"lam-alef with hamza below", "لإ", []rune{0xFEF9}},
		{"lam-alef with madda, final", "بلآ", []rune{0xFE91, 0xFEF6}},
		{"al- prefix", "الحداد", []rune{0xFE8D, 0xFEDF, 0xFEA4, 0xFEAA, 0xFE8D, 0xFEA9}},
		{"hamza never joins", "بءب", []rune{0xFE8F, 0xFE80, 0xFE8F}},
		{"teh marbuta final", "فاطمة", []rune{0xFED3, 0xFE8E, 0xFEC3, 0xFEE4, 0xFE94}},
		{"a mark keeps the join", "بَت", []rune{0xFE91, 0x064E, 0xFE96}},
		{"tatweel joins", "بـ", []rune{0xFE91, 0x0640}},
		{"space ends a word", "ب ب", []rune{0xFE8F, ' ', 0xFE8F}},
		{"Latin unchanged", "Ó Súilleabháin", []rune("Ó Súilleabháin")},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := []rune(Shape(tt.in)); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Shape(%q) = %U; want %U", tt.in, got, tt.want)
			}
		})
	}
}

// Every presentation form Shape gives is one the embedded font draws.
func TestShapeFormsAreInTheFont(t *testing.T) {
	for base, f := range arabicForms {
		for i, r := range f {
			if r != 0 && (r < 0xFE70 || r > 0xFEFF) {
				t.Errorf("%U form %d is %U, outside Presentation Forms-B", base, i, r)
			}
		}
	}
}
