package anchor

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func hashOf(c byte) string { return strings.Repeat(string(c), 64) }

// at is an instant in winter (London is UTC) or summer (BST), to show both.
var (
	dec2 = time.Date(2026, 12, 2, 14, 0, 0, 0, time.UTC)
	jul1 = time.Date(2026, 7, 1, 13, 30, 0, 0, time.UTC) // 14:30 in London
)

func cp(db, file string, entry int64, hash string, at time.Time) Checkpoint {
	return New(Head{Database: db, File: file, Entry: entry, Hash: hash}, at, ByVerify, "")
}

func TestCheck(t *testing.T) {
	dbA, dbB := hashOf('a'), hashOf('b')
	head := Head{Database: dbA, File: "/srv/team.db", Entry: 4120, Hash: hashOf('f')}
	// The chain as it now stands: entry n has hash "e" except entry 4100, which is "x".
	chain := func(entry int64) (string, bool, error) {
		switch {
		case entry > 4120 || entry == 17:
			return "", false, nil
		case entry == 4100:
			return hashOf('x'), true, nil
		}
		return hashOf('e'), true, nil
	}
	tests := []struct {
		name string
		cps  []Checkpoint
		want []string
	}{
		{"no checkpoints", nil, nil},
		{"extends every checkpoint", []Checkpoint{cp(dbA, head.File, 10, hashOf('e'), dec2), cp(dbA, head.File, 4120, hashOf('e'), dec2)}, nil},
		{"another database, another file", []Checkpoint{cp(dbB, "/srv/other.db", 9999, hashOf('e'), dec2)}, nil},
		{"the same database copied elsewhere is checked", []Checkpoint{cp(dbA, "/mnt/restored.db", 4133, hashOf('e'), dec2)},
			[]string{"audit log ends at 4,120; the checkpoint of 2 December 14:00 saw 4,133: 13 entries lost"}},
		{"one entry lost, shown in summer time", []Checkpoint{cp(dbA, head.File, 4121, hashOf('e'), jul1)},
			[]string{"audit log ends at 4,120; the checkpoint of 1 July 14:30 saw 4,121: 1 entry lost"}},
		{"the most entries lost is named", []Checkpoint{cp(dbA, head.File, 4125, hashOf('e'), jul1), cp(dbA, head.File, 4133, hashOf('e'), dec2)},
			[]string{"audit log ends at 4,120; the checkpoint of 2 December 14:00 saw 4,133: 13 entries lost"}},
		{"an entry rewritten", []Checkpoint{cp(dbA, head.File, 4100, hashOf('e'), dec2)},
			[]string{"audit entry 4,100 is not the one the checkpoint of 2 December 14:00 saw: the log was rewritten"}},
		{"the earliest rewritten entry is named", []Checkpoint{cp(dbA, head.File, 4100, hashOf('e'), dec2), cp(dbA, head.File, 4110, hashOf('z'), jul1)},
			[]string{"audit entry 4,100 is not the one the checkpoint of 2 December 14:00 saw: the log was rewritten"}},
		{"an entry missing from the middle", []Checkpoint{cp(dbA, head.File, 17, hashOf('e'), dec2)},
			[]string{"audit entry 17 is missing; the checkpoint of 2 December 14:00 saw it: the log was rewritten"}},
		{"the file holds another database", []Checkpoint{cp(dbB, head.File, 10, hashOf('e'), jul1), cp(dbB, head.File, 12, hashOf('e'), dec2)},
			[]string{"the audit's first entry is not the one the checkpoint of 2 December 14:00 saw: the chain was rewritten from the start, or the file was replaced by another database"}},
		{"lost and rewritten together", []Checkpoint{cp(dbA, head.File, 4100, hashOf('e'), jul1), cp(dbA, head.File, 4133, hashOf('e'), dec2)},
			[]string{"audit log ends at 4,120; the checkpoint of 2 December 14:00 saw 4,133: 13 entries lost",
				"audit entry 4,100 is not the one the checkpoint of 1 July 14:30 saw: the log was rewritten"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Check(head, chain, tt.cps)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCheckPassesOnLookupErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := Check(Head{Database: hashOf('a'), Entry: 5}, func(int64) (string, bool, error) { return "", false, boom },
		[]Checkpoint{cp(hashOf('a'), "/f", 3, hashOf('e'), dec2)})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the lookup's error", err)
	}
}

func TestNumber(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 4133: "4,133", 1234567: "1,234,567", -4133: "-4,133"} {
		if got := Number(n); got != want {
			t.Errorf("Number(%d) = %q, want %q", n, got, want)
		}
	}
}
