package note

import (
	"context"
	"fmt"
	"testing"

	"caseload/internal/testdb"
	"caseload/store"
)

// Opening a note is kept in the audit as "note.viewed" by the session's clinician
// (docs/RULES.md, "What is audited").
func TestOpeningANoteIsAudited(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	n := aDraft(t, c, "He spoke about his sister's visit.")
	view(t, c, n.ID, 80, 24)
	es, err := c.Store.AuditLog(context.Background(), store.AuditFilter{Limit: 1})
	if err != nil || len(es) != 1 || es[0].Action != "note.viewed" || es[0].EntityID != n.ID ||
		es[0].Actor != fmt.Sprintf("clinician:%d", c.Clinician.ID) {
		t.Fatalf("after opening the note the audit ends %+v, %v", es, err)
	}
}
