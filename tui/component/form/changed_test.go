package form

import (
	"context"
	"strings"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/tui/common"
)

func TestChangedLine(t *testing.T) {
	at := time.Date(2026, 7, 1, 9, 5, 0, 0, time.UTC) // 10:05 in London, on summer time
	tests := []struct {
		c    Changed
		want string
	}{
		{Changed{}, ""},
		{Changed{Changed: true, By: "Dr Niamh Ó Dálaigh", At: at},
			"Changed by Dr Niamh Ó Dálaigh at 10:05 since you opened this form: your save will be refused; esc esc to leave and reopen."},
		{Changed{Changed: true, At: at}, "Changed by someone else at 10:05 since you opened this form: your save will be refused; esc esc to leave and reopen."},
		{Changed{Changed: true}, "Changed by someone else since you opened this form: your save will be refused; esc esc to leave and reopen."},
		{Changed{Changed: true, Advice: "look before you save"}, "Changed by someone else since you opened this form: look before you save."},
	}
	for _, tt := range tests {
		if got := tt.c.line(clock.London()); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.c, got, tt.want)
		}
	}
}

// DataChangedMsg runs the form's recheck (not a reload); its answer is shown above the
// form, wrapped to the width, and goes when a later recheck finds nothing changed.
func TestRecheckOnDataChanged(t *testing.T) {
	v := &values{}
	answer := Changed{Changed: true, By: "Dr Niamh Ó Dálaigh"}
	m := testForm(v)
	m.spec.Recheck = func(context.Context) Changed { return answer }
	d, _ := openForm(t, m, 40)
	d.Type("Ada").Send(common.DataChangedMsg{})
	flat := strings.Join(strings.Fields(d.Screen()), " ")
	if !strings.Contains(flat, "Changed by Dr Niamh Ó Dálaigh since you opened this form: your save will be refused; esc esc to leave and reopen.") {
		t.Errorf("the change is not shown whole:\n%s", d.Screen())
	}
	if v.given != "Ada" || !strings.Contains(d.Screen(), "Ada") {
		t.Errorf("the typing was not kept: %q", v.given)
	}
	answer = Changed{}
	if d.Send(common.DataChangedMsg{}); strings.Contains(d.Screen(), "Changed by") {
		t.Errorf("the line stayed after a recheck found nothing:\n%s", d.Screen())
	}
}
