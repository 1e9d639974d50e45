package referral

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// aoifeAgain is OneCase's Aoife Brennan with a case, and a new referral for "Eve
// Brennan" born the same day, sharing no identifier: a possible duplicate. edit
// changes Eve before she is added.
func aoifeAgain(t *testing.T, edit func(*domain.Person)) (*store.Store, domain.Clinician, int64) {
	t.Helper()
	c := testdb.OneCase(t, testNow)
	p := domain.Person{GivenName: "Eve", FamilyName: "Brennan", DateOfBirth: ident.MustDate(1988, 5, 17),
		PNCID: "2001/0123456F"}
	edit(&p)
	id, m, err := c.Store.AddReferralMatched(context.Background(), "test", testNow,
		domain.Referral{Person: p, Source: domain.SourceSelf, ReceivedAt: testNow.Add(-time.Hour)})
	if err != nil || m.Kind != domain.MatchPossible {
		t.Fatalf("%+v, %v", m, err)
	}
	return c.Store, c.Clinician, id
}

// openArmed opens the referral view at once-arming speed: confirmations take keys as
// soon as they open.
func openArmed(t *testing.T, st *store.Store, me domain.Clinician, id int64) (*Model, *tuitest.Driver, *tuitest.Host) {
	com := tuitest.Session(testNow, me)
	com.ArmAfter = 0
	m := New(com, st, id)
	d, h := tuitest.Open(t, m, 100, 30)
	return m, d, h
}

// d asks "possibly the same person?" with the two side by side; s joins them: the
// referral is now the held person's, who gains the PNC ID, the question
// is answered and the view says so, and d no longer asks (docs/RULES.md, "Possible
// duplicates").
func TestAnswerSamePersonByKeys(t *testing.T) {
	st, me, id := aoifeAgain(t, func(*domain.Person) {})
	m, d, _ := openArmed(t, st, me, id)
	if !helps(m, "d") {
		t.Errorf("the footer does not offer d: %v", m.ShortHelp())
	}
	d.Keys("d")
	screen := d.Screen()
	tuitest.AssertFits(t, screen, 100, 30)
	golden.RequireEqual(t, screen)
	d.Keys("s")
	r, err := st.Referral(context.Background(), id)
	if err != nil || r.Person.Name() != "Aoife Brennan" || r.Person.PNCID != "2001/0123456F" || r.Duplicate.Answer != domain.DuplicateSame {
		t.Fatalf("after s: %+v, %v", r, err)
	}
	if line, _ := m.duplicateLine(); line != [2]string{"Duplicate", "The same person: joined to Aoife Brennan, answered by Dr Tom Halliwell, 24 Nov 2026 09:00"} {
		t.Errorf("the answer shows as %q", line)
	}
	if helps(m, "d") || m.Title() != "Referral · Aoife Brennan" {
		t.Errorf("still asks, or the title is %q", m.Title())
	}
	d.Keys("d")
	if strings.Contains(d.Screen(), "Possibly the same person?") {
		t.Error("d asks again once answered")
	}
}

// t records two people: both stay, and the question is not asked again.
func TestAnswerNotSamePersonByKeys(t *testing.T) {
	st, me, id := aoifeAgain(t, func(*domain.Person) {})
	m, d, _ := openArmed(t, st, me, id)
	d.Keys("d t")
	r, _ := st.Referral(context.Background(), id)
	if r.Person.Name() != "Eve Brennan" || r.Duplicate.Answer != domain.DuplicateNotSame || r.Duplicate.By != "clinician:1" {
		t.Fatalf("after t: %+v", r)
	}
	if line, _ := m.duplicateLine(); line[1] != "Not the same person as Aoife Brennan, answered by Dr Tom Halliwell, 24 Nov 2026 09:00" {
		t.Errorf("the answer shows as %q", line)
	}
}

// Keys typed before the question arms are ignored; esc closes it, answering nothing.
func TestDuplicateQuestionArms(t *testing.T) {
	st, me, id := aoifeAgain(t, func(*domain.Person) {})
	m := New(tuitest.Session(testNow, me), st, id) // the real arming delay, never reached here
	d, _ := tuitest.Open(t, m, 100, 30)
	d.Keys("d s t")
	if !strings.Contains(d.Screen(), "keys are ignored for a moment") {
		t.Fatalf("the question is not open, or armed:\n%s", d.Screen())
	}
	d.Keys("esc")
	if r, _ := st.Referral(context.Background(), id); !r.DuplicateOpen() || m.ask != nil {
		t.Errorf("answered before arming, or still open: %+v", r.Duplicate)
	}
}

// Two different prison numbers cannot be one person: the question says so, and s is
// refused with the sentence.
func TestDuplicateQuestionWithAClash(t *testing.T) {
	st, me, id := aoifeAgain(t, func(p *domain.Person) { p.PrisonNumber = "B7654CD" })
	m, d, h := openArmed(t, st, me, id)
	d.Keys("d")
	if s := d.Screen(); !strings.Contains(s, "Same person is refused: the person held has prison number A1234BC") || strings.Contains(s, "s same person") {
		t.Errorf("the clash is not said:\n%s", s)
	}
	d.Keys("s")
	if r, _ := st.Referral(context.Background(), id); !r.DuplicateOpen() || m.ask == nil {
		t.Errorf("s was taken: %+v", r.Duplicate)
	}
	h.WantTold(t, common.InfoMsg{Text: "Not joined: the person held has prison number A1234BC and this referral's person B7654CD; " +
		"they are two people, or one number is wrong: correct it before joining them."})
}

// A colleague corrects the person held while the question is open: the answer is
// refused, not given on what was shown, and the question closes to be asked again.
func TestDuplicateAnswerOnChangedRecords(t *testing.T) {
	st, me, id := aoifeAgain(t, func(*domain.Person) {})
	m, d, h := openArmed(t, st, me, id)
	d.Keys("d")
	other := testdb.Another(t, st)
	ctx := context.Background()
	was, err := other.Referral(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	fixed := was
	fixed.Person.GivenName = "Aoibhe"
	if err := other.UpdateReferral(ctx, "os:colleague", testNow, was, fixed); err != nil {
		t.Fatal(err)
	}
	d.Keys("s")
	if r, _ := st.Referral(ctx, id); r.Person.Name() != "Eve Brennan" || !r.DuplicateOpen() {
		t.Fatalf("joined on what changed: %+v", r)
	}
	if len(h.Sent) != 1 || !strings.Contains(h.Sent[0].(common.ErrorMsg).Err.Error(), "Aoibhe Brennan's details changed since they were shown") {
		t.Errorf("told %#v", h.Sent)
	}
	if m.ask != nil || !strings.Contains(strings.Join(m.body(), "\n"), "Aoibhe Brennan, born") {
		t.Errorf("the view does not show the person as they are now:\n%s", strings.Join(m.body(), "\n"))
	}
}

func helps(m *Model, k string) bool {
	for _, b := range m.ShortHelp() {
		if b.Help().Key == k {
			return true
		}
	}
	return false
}
