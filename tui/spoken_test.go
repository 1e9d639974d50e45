package tui

import (
	"bytes"
	"testing"

	"caseload/internal/testdb"
	"caseload/tui/spoken"
	"caseload/tui/tuitest"
)

func TestAccessibleScreeningTranscript(t *testing.T) {
	st := testdb.Demo(t, testNow)
	app := newApp(t, st)
	var out bytes.Buffer
	d := tuitest.New(t, spoken.New(app, &out, "\n"), 100, 30)
	step := func(keys string, typed string) {
		d.Keys(keys)
		if typed != "" {
			d.Type(typed)
		}
	}
	step("r", "")
	step("/", "minh")
	step("enter enter", "")
	step("s right enter", "Resettling outside the area.")
	step("enter enter enter", "")
	step("y", "")
	t.Log(out.String())
}
