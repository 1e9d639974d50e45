package main

import (
	"strings"
	"testing"
)

// The measures list says each measure's figures and licence, and counts the wording
// the service entered; wording from a file with a bad line writes nothing.
func TestMeasuresAndTheirWording(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	out := must(t, caseload(t, nil, "measures", "--db", db)).stdout
	for _, want := range []string{"CORE-10 (core-10, version 1.0)", "clinical cut-off  11", "reliable change   6 points",
		"© CORE System Trust: https://www.coresystemtrust.org.uk/copyright.pdf", "0 of 10 items entered by the service",
		"HoNOS-secure (honos-secure, version 2)", "the service's trust must hold"} {
		if !strings.Contains(out, want) {
			t.Errorf("measures does not say %q:\n%s", want, out)
		}
	}
	bad := writeFile(t, "bad.csv", "item,wording\n1,Fictional wording one\nx,Fictional\n1,again\n")
	r := caseload(t, nil, "measures", "wording", "--db", db, "core-10", "--file", bad)
	if r.code != exitWrong || !strings.Contains(r.stderr, `line 3: item: "x" is not an item number`) ||
		!strings.Contains(r.stderr, "line 4: item: item 1 is given twice") {
		t.Errorf("a bad wording file: exit %d, stderr %q", r.code, r.stderr)
	}
	good := writeFile(t, "good.csv", "item,wording\n1,Fictional wording one\n2,Fictional wording two\n")
	if got := must(t, caseload(t, nil, "measures", "wording", "--db", db, "core-10", "--file", good)).stdout; !strings.Contains(got, "entered the wording of 2 items of core-10") {
		t.Errorf("wording: %q", got)
	}
	r = caseload(t, nil, "measures", "wording", "--db", db, "swemwbs", "--file", good)
	if r.code != exitWrong || !strings.Contains(r.stderr, "SWEMWBS is recorded as totals: it has no item wording") {
		t.Errorf("wording of a totals measure: exit %d, stderr %q", r.code, r.stderr)
	}
	if out := must(t, caseload(t, nil, "measures", "--db", db)).stdout; !strings.Contains(out, "2 of 10 items entered by the service") {
		t.Errorf("after entering two:\n%s", out)
	}
}
