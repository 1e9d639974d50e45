package anchor

import (
	"fmt"
	"strconv"

	"caseload/internal/clock"
)

// Lookup gives the hash of one audit entry of the database being checked, and whether
// the entry exists.
type Lookup func(entry int64) (hash string, ok bool, err error)

// Check says, one sentence each, how the chain at head fails to extend the checkpoints
// of its database: those with the same database id, and those of the same file whose
// database id differs (the chain rewritten from its first entry, or another database
// put in the file's place). Checkpoints of other databases are not its business. nil
// means the chain extends every one.
//
// A chain is linked by hashes, so once one entry differs every later one does: each
// kind of problem is said once, for the checkpoint that shows it first (the earliest
// entry rewritten) or most (the most entries lost, the latest replacement).
func Check(head Head, lookup Lookup, cps []Checkpoint) ([]string, error) {
	var replaced, lost, rewritten *Checkpoint
	var gone bool
	for i := range cps {
		c := &cps[i]
		switch {
		case c.Database != head.Database:
			if c.File == head.File && (replaced == nil || c.At >= replaced.At) {
				replaced = c
			}
		case c.Entry > head.Entry:
			if lost == nil || c.Entry > lost.Entry {
				lost = c
			}
		case rewritten == nil || c.Entry < rewritten.Entry:
			hash, ok, err := lookup(c.Entry)
			if err != nil {
				return nil, err
			}
			if !ok || hash != c.Hash {
				rewritten, gone = c, !ok
			}
		}
	}
	var problems []string
	if replaced != nil {
		problems = append(problems, fmt.Sprintf("the audit's first entry is not the one the checkpoint of %s saw: "+
			"the chain was rewritten from the start, or the file was replaced by another database", When(*replaced)))
	}
	if lost != nil {
		n := lost.Entry - head.Entry
		problems = append(problems, fmt.Sprintf("audit log ends at %s; the checkpoint of %s saw %s: %s lost",
			Number(head.Entry), When(*lost), Number(lost.Entry), plural(n, "entry", "entries")))
	}
	if rewritten != nil {
		how := "is not the one the checkpoint of " + When(*rewritten) + " saw"
		if gone {
			how = "is missing; the checkpoint of " + When(*rewritten) + " saw it"
		}
		problems = append(problems, fmt.Sprintf("audit entry %s %s: the log was rewritten", Number(rewritten.Entry), how))
	}
	return problems, nil
}

// When names a checkpoint by its time in London, as people read it: "2 December 14:00".
func When(c Checkpoint) string {
	return c.Time().In(clock.London()).Format("2 January 15:04")
}

// Number writes n with thousands separators: 4,133.
func Number(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

func plural(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Number(n) + " " + many
}
