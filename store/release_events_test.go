package store

import (
	"context"
	"testing"
	"time"

	"caseload/internal/ident"
)

// Each release, recall and re-release is read back with who recorded it and when.
func TestReleaseEvents(t *testing.T) {
	ctx := context.Background()
	s, caseID := releaseCase(t)
	if es, err := s.ReleaseEvents(ctx, caseID); err != nil || len(es) != 0 {
		t.Fatalf("events before any = %+v, %v", es, err)
	}
	steps := []struct {
		record func() error
		what   string
		on     ident.Date
	}{
		{func() error { return s.RecordRelease(ctx, "os:alice", t0, caseID, ident.MustDate(2026, 11, 1)) }, "Released", ident.MustDate(2026, 11, 1)},
		{func() error {
			return s.RecordRecall(ctx, "os:bob", t0.Add(time.Hour), caseID, ident.MustDate(2026, 11, 10), "Recalled for breach of licence.")
		}, "Recalled to custody", ident.MustDate(2026, 11, 10)},
		{func() error {
			return s.RecordReRelease(ctx, "os:alice", t0.Add(2*time.Hour), caseID, ident.MustDate(2026, 11, 20))
		}, "Re-released after recall", ident.MustDate(2026, 11, 20)},
	}
	for _, st := range steps {
		if err := st.record(); err != nil {
			t.Fatal(err)
		}
	}
	es, err := s.ReleaseEvents(ctx, caseID)
	if err != nil || len(es) != 3 {
		t.Fatalf("events = %+v, %v", es, err)
	}
	for i, st := range steps {
		if es[i].What != st.what || es[i].On != st.on || !es[i].At.Equal(t0.Add(time.Duration(i)*time.Hour)) {
			t.Errorf("event %d = %+v, want %s on %s", i, es[i], st.what, st.on)
		}
	}
	if es[1].By != "os:bob" {
		t.Errorf("the recall was recorded by %q, want os:bob", es[1].By)
	}
}
