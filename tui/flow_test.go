package tui

import (
	"caseload/internal/testdb"
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/tui/tuitest"
)

func TestFilterOpenBack(t *testing.T) {
	d := drive(t, 100, 30)
	d.Keys("/").Type("zoë")
	screen := d.Screen()
	if !strings.Contains(screen, "Zoë Whitworth-Hale") || strings.Contains(screen, "Okafor") {
		t.Fatalf("filter did not narrow to Zoë:\n%s", screen)
	}
	d.Keys("enter") // one match: keeps the filter and opens it
	screen = d.Screen()
	for _, want := range []string{"Referral · Zoë Whitworth-Hale", "NHS number", "TEST", "Eligibility checklist"} {
		if !strings.Contains(screen, want) {
			t.Errorf("detail lacks %q:\n%s", want, screen)
		}
	}
	// The reason is read before anything scrolls (docs/RULES.md, "Screening quickly").
	if !strings.Contains(screen, "Reason for referral") {
		t.Errorf("the reason is not in sight at 100x30:\n%s", screen)
	}
	d.Keys("esc")
	if !strings.Contains(d.Screen(), "Referral queue") || !strings.Contains(d.Screen(), "/ zoë  1 of 40 match") {
		t.Fatalf("esc did not return to the filtered queue:\n%s", d.Screen())
	}
	d.Keys("esc")
	if strings.Contains(d.Screen(), " match") {
		t.Fatalf("esc did not clear the filter:\n%s", d.Screen())
	}
}

func TestFilterByIdentifierAndSource(t *testing.T) {
	d := drive(t, 120, 40)
	d.Keys("/").Type("channel")
	for _, l := range rowsOf(d.Screen()) {
		if !strings.Contains(l, "channel") {
			t.Errorf("row without channel source in a channel filter: %q", l)
		}
	}
}

func TestQueueOrderMostUrgentFirst(t *testing.T) {
	d := drive(t, 120, 40)
	rows := rowsOf(d.Screen())
	if len(rows) < 3 || !strings.Contains(rows[0], "overdue by") {
		t.Fatalf("first row is not overdue:\n%s", d.Screen())
	}
	seenDue, seenScreened := false, false
	for _, r := range rows {
		switch {
		case strings.Contains(r, "overdue by"):
			if seenDue || seenScreened {
				t.Errorf("overdue row after a due or screened one: %q", r)
			}
		case strings.Contains(r, "due in"):
			seenDue = true
			if seenScreened {
				t.Errorf("due row after a screened one: %q", r)
			}
		case strings.Contains(r, "screened in"):
			seenScreened = true
		}
	}
}

func TestQuitKeys(t *testing.T) {
	d := drive(t, 80, 24)
	d.Keys("/").Type("q")
	if d.Quit {
		t.Fatal("q while filtering quit the app instead of typing")
	}
	d.Keys("esc enter")
	d.Keys("q")
	if d.Quit {
		t.Fatal("q on the detail view quit; it should only quit from the queue")
	}
	d.Keys("esc q")
	if d.Quit {
		t.Fatal("q on the queue quit; it should only quit from the home screen")
	}
	d.Keys("esc q")
	if !d.Quit {
		t.Fatal("q on the home screen did not quit")
	}
	if !drive(t, 80, 24).Keys("n ctrl+c").Quit {
		t.Fatal("ctrl+c did not quit from the form")
	}
}

func TestNewReferralCatchesBadNHSNumber(t *testing.T) {
	st := testdb.Demo(t, testNow)
	d := tuitest.New(t, newApp(t, st), 80, 24).Keys("r")
	before, _ := st.Referrals(context.Background())
	d.Keys("n")
	d.Type("Aoife").Keys("enter").Type("Brennan").Keys("enter").Type("31/02/1990").Keys("enter")
	if !strings.Contains(d.Screen(), "does not exist") {
		t.Fatalf("impossible date not refused:\n%s", d.Screen())
	}
	d.Keys("ctrl+u").Type("03/02/1990").Keys("enter").Type("999 000 0017").Keys("enter")
	golden.RequireEqual(t, d.Screen())
	if !strings.Contains(d.Screen(), "999 000 0017") {
		t.Fatalf("wrong NHS number not refused:\n%s", d.Screen())
	}
	d.Keys("ctrl+u").Type("999 000 0018").Keys("enter")
	if strings.Contains(d.Screen(), "modulus") {
		t.Fatalf("right NHS number still refused:\n%s", d.Screen())
	}
	// prison number, PNC, CRN left blank; then the referral page.
	d.Keys("enter enter enter")
	d.Keys("enter") // received: the prefilled time
	d.Keys("enter") // source: probation, the first choice
	d.Type("Sam Carter").Keys("enter").Type("Probation Service, Preston").Keys("enter")
	d.Type("sam.carter@example.org").Keys("enter").Keys("tab")
	// release, risk and needs: leave all blank.
	d.Keys("enter enter enter enter enter enter enter enter")
	after, err := st.Referrals(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before)+1 {
		t.Fatalf("referrals: %d before, %d after; want one more\n%s", len(before), len(after), d.Screen())
	}
	if !strings.Contains(d.Screen(), "› Aoife Brennan") || !strings.Contains(d.Screen(), "Referral queue") {
		t.Fatalf("queue does not show the new referral under the cursor:\n%s", d.Screen())
	}
}

// rowsOf returns the referral rows of a queue screen: the lines under the headings
// that hold a clock.
func rowsOf(screen string) []string {
	var rows []string
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "overdue by") || strings.Contains(l, "due in") || strings.Contains(l, "screened in") || strings.Contains(l, "decided in") {
			rows = append(rows, l)
		}
	}
	return rows
}

func TestFilterForgivesAccentsAndApostrophes(t *testing.T) {
	d := drive(t, 100, 30)
	for typed, want := range map[string]string{"oneill": "Connor O'Neill", "siobhan": "Siobhán O'Connor", "lukasz": "Łukasz Wiśniewski"} {
		d.Keys("/").Type(typed)
		if rows := rowsOf(d.Screen()); len(rows) != 1 || !strings.Contains(rows[0], want) {
			t.Errorf("%q: rows %q, want only %s", typed, rows, want)
		}
		d.Keys("esc")
	}
}

func TestStatusGroups(t *testing.T) {
	d := drive(t, 120, 40)
	d.Keys("f") // awaiting screening
	if !strings.Contains(d.Screen(), "Showing awaiting screening (15)") {
		t.Fatalf("f did not show the referrals awaiting screening:\n%s", d.Screen())
	}
	for _, r := range rowsOf(d.Screen()) {
		if !strings.Contains(r, " received ") {
			t.Errorf("row not awaiting screening: %q", r)
		}
	}
	d.Keys("f f") // accepted
	for _, r := range rowsOf(d.Screen()) {
		if !strings.Contains(r, "accepted") || strings.Contains(r, "not accepted") {
			t.Errorf("row not accepted: %q", r)
		}
	}
	d.Keys("f f") // back to all
	if strings.Contains(d.Screen(), "Showing") {
		t.Fatalf("f did not come back round to all referrals:\n%s", d.Screen())
	}
}
