package store

import (
	"fmt"
	"strings"
)

// Problem is one thing Verify found wrong: which record (and field, when it can tell),
// the audit entry it was held to, and one sentence that says all of it.
type Problem struct {
	Record string `json:"record"`          // "note", "audit entry", "file", ...
	Key    string `json:"key,omitempty"`   // the record's id ("12", or "3/MAPPA" for two-part keys)
	Field  string `json:"field,omitempty"` // the column(s) that changed, when known
	Entry  int64  `json:"entry,omitempty"` // the audit entry the record was held to
	Text   string `json:"problem"`
}

// Report is what Verify found: every problem (up to maxProblems, then a count of the
// rest), and how much it read.
type Report struct {
	Problems []Problem `json:"problems"`
	// More counts the problems found beyond the first maxProblems.
	More int `json:"more,omitempty"`
	// Entries is the number of audit entries, and Head the last of them: what a
	// checkpoint of this verify records.
	Entries  int64  `json:"entries"`
	Head     int64  `json:"head"`
	HeadHash string `json:"head_hash"`
	// Records counts the rows held to their seals.
	Records int64 `json:"records"`
}

// OK reports whether nothing was found.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// maxProblems keeps a report of a wrecked file readable; the rest are counted.
const maxProblems = 1000

func (r *Report) add(p Problem) {
	if len(r.Problems) >= maxProblems {
		r.More++
		return
	}
	r.Problems = append(r.Problems, p)
}

// addf adds a problem about a record whose sentence starts by naming it.
func (r *Report) addf(record, key string, entry int64, format string, args ...any) {
	r.add(Problem{Record: record, Key: key, Entry: entry, Text: fmt.Sprintf(format, args...)})
}

// Summary is the report as one sentence: the first problem, and how many more.
func (r Report) Summary() string {
	if r.OK() {
		return "ok"
	}
	s := r.Problems[0].Text
	if n := len(r.Problems) - 1 + r.More; n > 0 {
		s += fmt.Sprintf(" (and %d more problem%s: caseload verify lists them)", n, plural(n))
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// recordWords names a table's record the way a person says it.
func recordWords(table string) string {
	if t, ok := sealedTableNamed(table); ok {
		return t.record
	}
	return strings.TrimSuffix(table, "s")
}
