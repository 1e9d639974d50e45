package identity

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"caseload/internal/clock"
	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// open shows the question to the account jo on the demo team, none of them bound.
func open(t *testing.T) (*store.Store, *tuitest.Driver, *tuitest.Host) {
	t.Helper()
	st := testdb.Demo(t, testNow)
	com := common.NewCommon(context.Background(), clock.Fixed(testNow), "os:jo")
	d, h := tuitest.Open(t, New(com, st, "jo"), 80, 24)
	return st, d, h
}

func boundTo(t *testing.T, st *store.Store, account string) (domain.Clinician, bool) {
	t.Helper()
	c, ok, err := st.ClinicianByOSUser(context.Background(), account)
	if err != nil {
		t.Fatal(err)
	}
	return c, ok
}

func signedIn(h *tuitest.Host) (domain.Clinician, bool) {
	for _, msg := range h.Seen {
		if m, ok := msg.(SignedInMsg); ok {
			return m.Clinician, true
		}
	}
	return domain.Clinician{}, false
}

// Finding 10 of issue 10: the cursor starts on no one, so enter alone binds nobody;
// choosing asks "You are ...?", n and esc go back to the list, and only y binds.
func TestChooseConfirmBind(t *testing.T) {
	st, d, h := open(t)
	if s := d.Screen(); strings.Contains(s, "›") || !strings.Contains(s, "Dr Amara Okonkwo-Reid") {
		t.Fatalf("the cursor should start on no one, with the team listed:\n%s", s)
	}
	d.Keys("enter")
	if s := d.Screen(); strings.Contains(s, "You are") {
		t.Fatalf("enter on no one asked about someone:\n%s", s)
	}
	d.Keys("j")
	if s := d.Screen(); !strings.Contains(s, "› Dr Amara Okonkwo-Reid") {
		t.Fatalf("j should move to the first clinician:\n%s", s)
	}
	d.Keys("j enter")
	if s := d.Screen(); !strings.Contains(s, "You are Dr Tom Halliwell, HCPC PYL31958?") {
		t.Fatalf("no confirmation by name and registration:\n%s", s)
	}
	if !h.Screen.Capturing() {
		t.Error("the question should capture keys, so no global key acts under it")
	}
	d.Keys("n")
	if s := d.Screen(); strings.Contains(s, "You are") || !strings.Contains(s, "› Dr Tom Halliwell") {
		t.Fatalf("n should go back to the list, the cursor where it was:\n%s", s)
	}
	d.Keys("enter esc")
	if s := d.Screen(); strings.Contains(s, "You are") {
		t.Fatalf("esc should go back to the list:\n%s", s)
	}
	if _, ok := boundTo(t, st, "jo"); ok {
		t.Fatal("bound before y")
	}
	if _, ok := signedIn(h); ok {
		t.Fatal("signed in before y")
	}
	d.Keys("enter y")
	c, ok := boundTo(t, st, "jo")
	if !ok || c.Name != "Dr Tom Halliwell" {
		t.Fatalf("after y the account is bound to %+v (%v); want Dr Tom Halliwell", c, ok)
	}
	if me, ok := signedIn(h); !ok || me.ID != c.ID || me.OSUser != "jo" {
		t.Errorf("SignedInMsg %+v, %v", me, ok)
	}
	// Keys after the answer answer nothing.
	seen := len(h.Seen)
	d.Keys("y n enter")
	for _, msg := range h.Seen[seen:] {
		if _, ok := msg.(SignedInMsg); ok {
			t.Error("a second SignedInMsg after the question was answered")
		}
	}
	entries, err := st.AuditEntries(context.Background(), "clinician", c.ID)
	if err != nil || entries[len(entries)-1].Action != "clinician.bound" || entries[len(entries)-1].Actor != "os:jo" {
		t.Errorf("the binding's audit: %+v, %v", entries, err)
	}
}

// A binding the store refuses (someone bound that clinician in the meantime) is shown,
// and the list is back.
func TestBindRefused(t *testing.T) {
	st, d, h := open(t)
	d.Keys("j j enter")
	if err := st.BindClinician(context.Background(), "os:tom", testNow, 2, "tom"); err != nil {
		t.Fatal(err)
	}
	d.Keys("y")
	if len(h.Sent) != 1 {
		t.Fatalf("sent %v; want the refusal", h.Sent)
	}
	if e, ok := h.Sent[0].(common.ErrorMsg); !ok || !errors.Is(e.Err, store.ErrConflict) {
		t.Errorf("sent %#v; want the store's conflict", h.Sent[0])
	}
	if _, ok := signedIn(h); ok {
		t.Error("signed in although the binding was refused")
	}
	if s := d.Screen(); strings.Contains(s, "You are") {
		t.Errorf("the question stayed after the refusal:\n%s", s)
	}
	if _, ok := boundTo(t, st, "jo"); ok {
		t.Error("jo was bound")
	}
}

func TestQuestion(t *testing.T) {
	for _, tt := range []struct {
		c    domain.Clinician
		want string
	}{
		{domain.Clinician{Name: "Dr Tom Halliwell", Role: "clinical psychologist", Registration: "PYL31958"},
			"You are Dr Tom Halliwell, HCPC PYL31958?"},
		{domain.Clinician{Name: "Beth Armitage", Role: "nurse", Registration: "09C4172E"},
			"You are Beth Armitage, NMC 09C4172E?"},
		{domain.Clinician{Name: "Sanjay Mistry", Role: "assistant psychologist"},
			"You are Sanjay Mistry, assistant psychologist?"},
		{domain.Clinician{Name: "Jo Bloggs", Role: "lead", Registration: "12-345"},
			"You are Jo Bloggs, registration 12-345?"},
		{domain.Clinician{Name: "Jo Bloggs", Role: "lead", Registration: "PYL"},
			"You are Jo Bloggs, registration PYL?"},
		{domain.Clinician{Name: "Jo Bloggs", Role: "nurse", Registration: "09C4172"},
			"You are Jo Bloggs, registration 09C4172?"},
	} {
		if got := question(tt.c); got != tt.want {
			t.Errorf("question(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}

// Every state of the screen fits its window, and a narrow one still shows the whole
// name and registration being confirmed.
func TestIdentityFits(t *testing.T) {
	for _, w := range []int{80, 30} {
		st := testdb.Demo(t, testNow)
		com := common.NewCommon(context.Background(), clock.Fixed(testNow), "os:jo")
		d, _ := tuitest.Open(t, New(com, st, "jo"), w, 24)
		for _, keys := range []string{"", "j", "j enter"} {
			d.Keys(keys)
			tuitest.AssertFitsAtMost(t, d.Screen(), w, 24)
		}
		if s := strings.Join(strings.Fields(d.Screen()), " "); !strings.Contains(s, "You are Dr Tom Halliwell, HCPC PYL31958?") {
			t.Errorf("at width %d the question is not whole:\n%s", w, d.Screen())
		}
	}
}
