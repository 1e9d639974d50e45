package tui

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"caseload/internal/demo"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// The log never holds clinical content: a session over the demo, with every load and
// save logged as slow and an error that names a person shown, writes operations, kinds
// and durations, and none of the demo's names, NHS numbers, prison numbers or
// clinicians.
func TestLogHoldsNoClinicalWords(t *testing.T) {
	var buf bytes.Buffer
	LogTo(slog.New(slog.NewJSONHandler(&buf, nil)))
	old := slowAfter
	slowAfter = 0 // every operation is slow
	t.Cleanup(func() { LogTo(nil); slowAfter = old })

	d := tuitest.New(t, newApp(t, testdb.Demo(t, testNow)), 120, 40)
	d.Keys("r enter esc esc c enter esc esc t esc f esc p esc , esc n")
	d.Type("Liam")
	d.Keys("esc esc")
	rs := demo.Referrals(testNow)
	d.Send(common.ErrorMsg{Err: errors.New(rs[0].Person.GivenName + " " + rs[0].Person.FamilyName + " was screened by someone else")})

	log := buf.String()
	for _, want := range []string{`"msg":"slow operation"`, `"operation":"home.`, `"operation":"queue.`, `"msg":"error shown"`} {
		if !strings.Contains(log, want) {
			t.Errorf("the log does not hold %s:\n%s", want, log)
		}
	}
	var words []string
	for _, r := range rs {
		words = append(words, r.Person.GivenName+" "+r.Person.FamilyName, r.Person.FamilyName, string(r.Person.NHSNumber), string(r.Person.PrisonNumber))
	}
	for _, c := range demo.Clinicians() {
		words = append(words, c.Name)
	}
	words = append(words, "Liam")
	for _, w := range words {
		if len(w) > 3 && strings.Contains(log, w) {
			t.Errorf("the log holds %q", w)
		}
	}
}
