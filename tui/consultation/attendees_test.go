package consultation

import (
	"strings"
	"testing"

	"caseload/internal/domain"
)

func TestParseAttendees(t *testing.T) {
	got, err := parseAttendees("Sam Carter, COM, Probation Service, Preston\r\n\n  Dr Amy Lee ,POM, HMP Preston\nJo Hart, clinical psychologist\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.Attendee{
		{Name: "Sam Carter", Role: "COM", Agency: "Probation Service, Preston"},
		{Name: "Dr Amy Lee", Role: "POM", Agency: "HMP Preston"},
		{Name: "Jo Hart", Role: "clinical psychologist"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("attendee %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, bad := range []string{"", "  \n ", "Sam Carter", ", COM", "Sam,  ,Probation"} {
		if _, err := parseAttendees(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func FuzzParseAttendees(f *testing.F) {
	f.Add("Sam Carter, COM, Probation Service\nDr Amy Lee, POM")
	f.Fuzz(func(t *testing.T, s string) {
		as, err := parseAttendees(s)
		if err != nil {
			return
		}
		for _, a := range as {
			if a.Name == "" || a.Role == "" || strings.Contains(a.Name, "\n") {
				t.Fatalf("accepted a bad attendee %+v from %q", a, s)
			}
		}
	})
}
