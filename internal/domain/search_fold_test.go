package domain

import (
	"testing"
	"unicode/utf8"
)

// AppendFolded folds as FoldForSearch does, whatever the text: every ASCII byte alone
// and beside each other, names with accents and strokes, right-to-left scripts, text
// that is not UTF-8; appended after what dst held.
func TestAppendFoldedIsFoldForSearch(t *testing.T) {
	texts := []string{"", "O'Neill", "Whitworth-Hale", "St. John", "ABC xyz 019 /\x00\t", "Siobhán Ó Súilleabháin",
		"Łukasz Wójcik", "Søren Ærø", "محمد الأحمد", "דוד כהן", "Straße", "\xff\xfeO'N", "999 123 4567", "A1234BC",
		"2007/6159865L", "`quoted´", "Mc‐Donald", "İstanbul", "ǅemal"}
	for c := 0; c < utf8.RuneSelf; c++ {
		texts = append(texts, string(rune(c)), "x"+string(rune(c))+"Y")
	}
	for _, s := range texts {
		if got, want := string(AppendFolded([]byte("kept\x00"), s)), "kept\x00"+FoldForSearch(s); got != want {
			t.Errorf("AppendFolded(%q) = %q, want %q", s, got, want)
		}
	}
}
