package domain

import (
	"testing"
)

// AppendFolded folds as FoldForSearch does, whatever the text: every Latin letter alone,
// between others and before an accent, names with accents and strokes, right-to-left scripts, text
// that is not UTF-8; appended after what dst held.
func TestAppendFoldedIsFoldForSearch(t *testing.T) {
	texts := []string{"", "O'Neill", "Whitworth-Hale", "St. John", "ABC xyz 019 /\x00\t", "Siobhán Ó Súilleabháin",
		"Łukasz Wójcik", "Søren Ærø", "محمد الأحمد", "דוד כהן", "Straße", "\xff\xfeO'N", "999 123 4567", "A1234BC",
		"2007/6159865L", "`quoted´", "Mc‐Donald", "İstanbul", "ǅemal"}
	for r := range rune(0x300) { // every Latin letter, the IPA, and past the accents' start
		texts = append(texts, string(r), "x"+string(r)+"Y", string(r)+"\u0301", "É"+string(r)+"ł")
	}
	for _, s := range texts {
		if got, want := string(AppendFolded([]byte("kept\x00"), s)), "kept\x00"+FoldForSearch(s); got != want {
			t.Errorf("AppendFolded(%q) = %q, want %q", s, got, want)
		}
	}
}
