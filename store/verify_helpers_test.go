package store

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// mustFind fails unless Verify refuses the file and its report names each of wants
// (each a part of one problem's sentence).
func mustFind(t testing.TB, s *Store, wants ...string) Report {
	t.Helper()
	if err := s.Verify(context.Background()); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Verify = %v, want it refused as damaged", err)
	}
	r, err := s.VerifyReport(context.Background())
	if err != nil {
		t.Fatalf("VerifyReport: %v", err)
	}
	for _, want := range wants {
		found := false
		for _, p := range r.Problems {
			found = found || strings.Contains(p.Text, want)
		}
		if !found {
			t.Errorf("verify did not say %q; it said:\n%s", want, problemLines(r))
		}
	}
	return r
}

func problemLines(r Report) string {
	var b strings.Builder
	for _, p := range r.Problems {
		b.WriteString("\t" + p.Text + "\n")
	}
	return b.String()
}
