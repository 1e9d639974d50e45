package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/tui/tuitest"
)

// TestMegabyteNoteDisplaysAndSavesIntact opens a 1 MB note with emoji, right-to-left text
// and a very long line, in the view and in the editor, and saves it back unchanged.
func TestMegabyteNoteDisplaysAndSavesIntact(t *testing.T) {
	st, d, caseID := oneCase(t, 100, 30)
	ctx := context.Background()
	line := strings.Repeat("word ", 4000) + "\n" // one long line
	var b strings.Builder
	for b.Len() < 1<<20-len(line)-200 {
		b.WriteString("Session notes 🙂 «أنا بخير» — Zoë said she felt safer.\n")
		if b.Len()%50000 < 70 {
			b.WriteString(line)
		}
	}
	text := b.String()
	n, err := st.SaveNoteDraft(ctx, 1, testNow, domain.Note{CaseID: caseID, AuthorID: 1, Type: domain.NoteFaceToFace,
		ContactAt: testNow.Add(-time.Hour), Text: text})
	if err != nil {
		t.Fatal(err)
	}
	d.Keys("enter 3 enter") // the case, its notes, the note
	tuitest.AssertFits(t, d.Screen(), 100, 30)
	if !strings.Contains(d.Screen(), "Zoë said she felt safer") {
		t.Fatalf("note text not shown:\n%s", d.Screen())
	}
	d.Keys("e")     // the editor, on the whole text
	d.Keys("esc")   // nothing changed: leaves without saving
	d.Keys("e end") // one keystroke at the end, then save and close
	d.Type("!").Keys("esc")
	got, err := st.Note(ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Exactly the one character typed was added; every other byte is as it was.
	if len(got.Text) != len(text)+1 || strings.Replace(got.Text, "!", "", 1) != text {
		t.Fatalf("text changed: %d bytes, want %d", len(got.Text), len(text)+1)
	}
}
