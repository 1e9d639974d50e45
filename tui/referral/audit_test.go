package referral

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// unaudited is the store with an audit that cannot be written (a full disk, say).
type unaudited struct{ *store.Store }

func (unaudited) RecordViewed(context.Context, string, time.Time, string, int64) error {
	return errors.New("the disk is full")
}

// Opening a referral is kept in the audit as "referral.viewed" by the session's
// clinician; when the audit cannot be written the referral still shows, and the status
// line says so (docs/RULES.md, "What is audited").
func TestOpeningAReferralIsAudited(t *testing.T) {
	st := testdb.Demo(t, testNow)
	ctx := context.Background()
	waiting, err := st.UnscreenedReferrals(ctx)
	if err != nil || len(waiting) == 0 {
		t.Fatalf("%d referrals waiting, %v", len(waiting), err)
	}
	r := waiting[0]
	me := testdb.Clinician(t, st, "Dr Tom Halliwell")
	d, _ := tuitest.Open(t, New(tuitest.Session(testNow, me), st, r.ID), 100, 30)
	es, err := st.AuditLog(ctx, store.AuditFilter{Limit: 1})
	if err != nil || len(es) != 1 || es[0].Action != "referral.viewed" || es[0].EntityID != r.ID || es[0].Actor != fmt.Sprintf("clinician:%d", me.ID) {
		t.Fatalf("after opening the referral the audit ends %+v, %v", es, err)
	}
	if !strings.Contains(d.Screen(), r.Person.FamilyName) {
		t.Fatalf("the referral is not shown:\n%s", d.Screen())
	}

	d, h := tuitest.Open(t, New(tuitest.Session(testNow, me), unaudited{st}, r.ID), 100, 30)
	if !strings.Contains(d.Screen(), r.Person.FamilyName) {
		t.Errorf("with no audit the referral is not shown:\n%s", d.Screen())
	}
	var said string
	for _, m := range h.Sent {
		if e, ok := m.(common.ErrorMsg); ok {
			said = e.Err.Error()
		}
	}
	if said != "the audit could not keep that this referral was opened: the disk is full" {
		t.Errorf("the root was told %q", said)
	}
}
