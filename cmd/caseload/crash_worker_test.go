package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/store"
)

// The environment that turns this test binary into the crash test's worker: the
// database it writes, and the time of its first change (each later one a second on).
const (
	crashWorkerDB = "CASELOAD_CRASH_WORKER_DB"
	crashWorkerAt = "CASELOAD_CRASH_WORKER_AT"
)

// TestCrashWorker is the process TestCrashSigning kills; it does nothing unless
// started by it. No command writes notes or formulations headless, so this is the
// app's own writing: store.Open, then on each open case in turn a note started,
// autosaved, signed and given an addendum, and the case's formulation autosaved and
// signed, until it is killed. After each commit it prints what it committed, so the
// test knows what must be there.
func TestCrashWorker(t *testing.T) {
	path := os.Getenv(crashWorkerDB)
	if path == "" {
		t.Skip("the worker process of TestCrashSigning; started by it")
	}
	at, err := time.Parse(time.RFC3339, os.Getenv(crashWorkerAt))
	if err != nil {
		t.Fatal(err)
	}
	tick := func() time.Time { at = at.Add(time.Second); return at }
	ctx := context.Background()
	st, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sums, err := st.CaseSummaries(ctx)
	if err != nil || len(sums) == 0 {
		t.Fatalf("%d cases, %v", len(sums), err)
	}
	check := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	const author, colleague = 2, 3
	for i := range 10_000 {
		c := sums[i%len(sums)].Case.ID
		n, err := st.SaveNoteDraft(ctx, author, tick(), domain.Note{CaseID: c, Type: domain.NoteTelephone,
			ContactAt: at.Add(-time.Hour), DurationMinutes: 20, Present: "client", Text: fmt.Sprintf("Call %d.", i)})
		check(err)
		fmt.Printf("note %d draft %d\n", n.ID, n.Revision)
		n.Text += " He said the move had gone well."
		n, err = st.SaveNoteDraft(ctx, author, tick(), n)
		check(err)
		fmt.Printf("note %d draft %d\n", n.ID, n.Revision)
		n, err = st.SignNote(ctx, author, tick(), n.ID, n.Revision)
		check(err)
		fmt.Printf("note %d signed %s\n", n.ID, n.Hash)
		a, err := st.AddAddendum(ctx, colleague, tick(), domain.Addendum{NoteID: n.ID, Kind: domain.AddendumLaterInfo,
			Text: "His probation officer confirmed the address."})
		check(err)
		fmt.Printf("addendum %d signed %s\n", a.ID, a.Hash)

		f, err := formulationDraft(ctx, st, c, author, tick())
		check(err)
		fmt.Printf("formulation %d draft %d\n", f.ID, f.Revision)
		f.Sections = map[domain.SectionID]string{"presenting": fmt.Sprintf("Version %d, written in the crash test.", f.Version)}
		f, err = st.SaveFormulationDraft(ctx, f.AuthorID, tick(), f)
		check(err)
		fmt.Printf("formulation %d draft %d\n", f.ID, f.Revision)
		f, err = st.SignFormulation(ctx, f.AuthorID, tick(), f.ID, f.Revision)
		check(err)
		fmt.Printf("formulation %d signed %s\n", f.ID, f.Hash)
	}
}

// formulationDraft is the case's formulation draft: the one there (the demo leaves some,
// by their authors, and a killed worker its own), or a new one by author.
func formulationDraft(ctx context.Context, st *store.Store, caseID, author int64, at time.Time) (domain.Formulation, error) {
	fs, err := st.Formulations(ctx, caseID)
	if err != nil || (len(fs) > 0 && !fs[0].Signed()) {
		return fs[0], err
	}
	return st.SaveFormulationDraft(ctx, author, at, domain.Formulation{CaseID: caseID,
		Sections: map[domain.SectionID]string{"presenting": "Started in the crash test."}})
}

// committed is what the worker said it committed: for each note, addendum and
// formulation, the latest revision saved as a draft (0: none) and the hash signed ("":
// not signed).
type committed map[string]struct {
	draft int
	hash  string
}

// read takes in the worker's lines. Each is one write, but only a line with its end
// is taken as a report: one cut short by the kill says nothing.
func (c committed) read(t *testing.T, out string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	for _, line := range lines[:len(lines)-1] {
		var kind, state, value string
		var id int64
		if _, err := fmt.Sscanf(line, "%s %d %s %s", &kind, &id, &state, &value); err != nil {
			t.Fatalf("the worker said %q", line)
		}
		key := fmt.Sprintf("%s %d", kind, id)
		got := c[key]
		switch state {
		case "draft":
			fmt.Sscan(value, &got.draft)
		case "signed":
			got.hash = value
		}
		c[key] = got
	}
}
