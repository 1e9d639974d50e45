package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// notRecords are the store's methods that read no person's clinical record, or change
// (which the audit chain decides, permit), each with why. With clinicalReads below they
// are every method of *Store, so a new method fails TestAdminViewRefusesClinicalReads
// until someone decides which it is.
var notRecords = map[string]string{
	"As": "makes a view", "Path": "the file's name", "Close": "closes", "DataVersion": "a counter",
	"ReferralsMark": "a counter that moves with any change", "ChainHead": "the audit's last hash",
	"AuditHash": "one entry's hash", "Holdings": "counts, for a restore", "IsDemo": "the file's kind",
	"Snapshot": "a backup: IT's", "IntegrityCheck": "SQLite's check", "Sound": "the file's pages' check", "Verify": "the file's check",
	"VerifyReport": "problems by record key, never contents", "SafetyChecks": "the last backup and verify",
	"Settings": "the service's settings", "Clinicians": "the team", "ClinicianKeys": "the team's keys",
	"ClinicianByOSUser": "who an account is", "KeysInUse": "how many keys each has",
	"FileHealth":     "the file's size and schema",
	"ClinicianByKey": "who a key is", "KeysThatConnect": "how many keys can open a session",
	"OnCommit":    "the server's hook, no read",
	"ShrinkCache": "the page cache's size, no read",
	// Reading recorded: each its own audit entry, refused by the chain by the actor's
	// access (an admin may record a session, not a search or a view).
	"RecordViewed": "change", "RecordSearch": "change", "RecordSearchOpened": "change", "RecordSession": "change",
	// Changes: refused by the chain by the actor's access.
	"AddClinician": "change", "AddClinicianKey": "change", "RevokeClinicianKey": "change", "BindClinician": "change",
	"UnbindClinician": "change", "DeactivateClinician": "change", "SetClinicianAccess": "change",
	"AddReferral": "change", "AddReferralMatched": "change", "AddReferrals": "change", "AddReferralsMatched": "change",
	"UpdateReferral": "change", "ScreenReferral": "change", "ScreenReferralAt": "change", "WithdrawReferral": "change",
	"AnswerDuplicate": "change", "RecordConsultation": "change", "ImportCases": "change", "ImportCasesMatched": "change",
	"SaveNoteDraft": "change", "SignNote": "change", "AddAddendum": "change", "SaveFormulationDraft": "change",
	"SignFormulation": "change", "SetInvolvement": "change", "SetInvolvementSeen": "change",
	"RecordForumMeeting": "change", "UpdateForumMeeting": "change", "ChangeRelease": "change",
	"ChangeReleaseSeen": "change", "RecordRelease": "change", "RecordRecall": "change", "RecordReRelease": "change",
	"RecordSafetyCheck": "change", "SetSetting": "change", "SetSettingSeen": "change",
	"SaveDischargeDraft": "change", "CloseCase": "change", "ReopenCase": "change", "HandOver": "change",
	"RecordAccessRequest": "change", "ExtendAccessRequest": "change", "AnswerAccessRequest": "change",
	"RecordRetentionDecision": "change",
	"RecordMeasure":           "change", "RecordTransitionOutcome": "change", "RecordRiskJudgement": "change",
	"SetMeasureWordings": "change", "MeasureWordings": "the service's wording of a measure's items, no person's",
}

// clinicalReads calls each method that reads a person's clinical record.
func clinicalReads(s *Store, caseID, referralID, noteID, personID, me int64) map[string]func() error {
	ctx := context.Background()
	today := ident.MustDate(2026, 11, 24)
	e := func(_ any, err error) error { return err }
	return map[string]func() error{
		"AgendaFacts":             func() error { return e(s.AgendaFacts(ctx, me, t0)) },
		"AuditEntries":            func() error { return e(s.AuditEntries(ctx, "case", caseID)) },
		"AuditLog":                func() error { return e(s.AuditLog(ctx, AuditFilter{Limit: 5})) },
		"CaseSummary":             func() error { return e(s.CaseSummary(ctx, caseID)) },
		"Case":                    func() error { return e(s.Case(ctx, caseID)) },
		"CaseSummaries":           func() error { return e(s.CaseSummaries(ctx)) },
		"ViewCase":                func() error { return e(s.ViewCase(ctx, me, t0, caseID)) },
		"Consultations":           func() error { return e(s.Consultations(ctx, referralID)) },
		"Screening":               func() error { _, _, err := s.Screening(ctx, referralID); return err },
		"ScreeningsEntered":       func() error { return e(s.ScreeningsEntered(ctx)) },
		"Withdrawal":              func() error { _, _, err := s.Withdrawal(ctx, referralID); return err },
		"CaseForReferral":         func() error { _, _, err := s.CaseForReferral(ctx, referralID); return err },
		"Cases":                   func() error { return e(s.Cases(ctx)) },
		"Formulations":            func() error { return e(s.Formulations(ctx, caseID)) },
		"MeasureScores":           func() error { return e(s.MeasureScores(ctx, caseID)) },
		"TransitionOutcomes":      func() error { return e(s.TransitionOutcomes(ctx, caseID)) },
		"RiskJudgements":          func() error { return e(s.RiskJudgements(ctx, caseID)) },
		"CaseForums":              func() error { return e(s.CaseForums(ctx, caseID)) },
		"ForumMeetingsBetween":    func() error { return e(s.ForumMeetingsBetween(ctx, today, today)) },
		"NextForums":              func() error { return e(s.NextForums(ctx, today)) },
		"LastChange":              func() error { return e(s.LastChange(ctx, "case", caseID)) },
		"Notes":                   func() error { return e(s.Notes(ctx, caseID, me)) },
		"Note":                    func() error { return e(s.Note(ctx, noteID)) },
		"Drafts":                  func() error { return e(s.Drafts(ctx, me)) },
		"CasesOnPathway":          func() error { return e(s.CasesOnPathway(ctx)) },
		"Person":                  func() error { return e(s.Person(ctx, personID)) },
		"PersonRecords":           func() error { _, _, err := s.PersonRecords(ctx, personID); return err },
		"Referrals":               func() error { return e(s.Referrals(ctx)) },
		"UnscreenedReferrals":     func() error { return e(s.UnscreenedReferrals(ctx)) },
		"EachRunningReferral":     func() error { return s.EachRunningReferral(ctx, func(domain.Referral) error { return nil }) },
		"EachStoppedReferral":     func() error { return s.EachStoppedReferral(ctx, func(domain.Referral) error { return nil }) },
		"LatestScreenedReferrals": func() error { return e(s.LatestScreenedReferrals(ctx, 10)) },
		"CountReferrals":          func() error { return e(s.CountReferrals(ctx)) },
		"QueueHead":               func() error { return s.QueueHead(ctx, 10, func(*domain.Referral) {}) },
		"QueuePage":               func() error { _, _, err := s.QueuePage(ctx, 0, 10, func(*domain.Referral) {}); return err },
		"Referral":                func() error { return e(s.Referral(ctx, referralID)) },
		"CaseRelease":             func() error { return e(s.CaseRelease(ctx, caseID)) },
		"ReleaseEvents":           func() error { return e(s.ReleaseEvents(ctx, caseID)) },
		"Search":                  func() error { return e(s.Search(ctx, me, "Ada", 10)) },
		"CheckCaseImport":         func() error { return e(s.CheckCaseImport(ctx, t0, nil)) },
		"DischargeDraft":          func() error { _, _, err := s.DischargeDraft(ctx, caseID); return err },
		"DischargeSummaries":      func() error { return e(s.DischargeSummaries(ctx, caseID)) },
		"Handovers":               func() error { return e(s.Handovers(ctx, caseID)) },
		"TeamLoad":                func() error { return e(s.TeamLoad(ctx, today)) },
		"CasesByStatus":           func() error { return e(s.CasesByStatus(ctx, "all")) },
		"ClosedRecords":           func() error { return e(s.ClosedRecords(ctx, domain.MentalHealthRetention)) },
		"OpenAccessRequests":      func() error { return e(s.OpenAccessRequests(ctx)) },
		"AccessRequests":          func() error { return e(s.AccessRequests(ctx)) },
		"People":                  func() error { return e(s.People(ctx)) },
		"ExportPersonRecord":      func() error { return e(s.ExportPersonRecord(ctx, "os:test", t0, personID, "pdf")) },
		"ReportFacts":             func() error { return e(s.ReportFacts(ctx, today.AddDays(-60), today)) },
		"ExtractReport":           func() error { return e(s.ExtractReport(ctx, "os:test", t0, today.AddDays(-60), today)) },
	}
}

// On an admin's view every read of a clinical record is refused with ErrForbidden in
// one sentence naming them; on a clinician's view each one reads; every method of the
// store is either such a read or listed in notRecords.
func TestAdminViewRefusesClinicalReads(t *testing.T) {
	s := newStore(t)
	tm := mustTeam(t, s)
	caseID := openCase(t, s, tm.clinician, 1)
	c, err := s.Case(context.Background(), caseID)
	if err != nil {
		t.Fatal(err)
	}
	note := signedNote(t, s, tm.clinician, caseID, "Seen at the hostel.")
	admin, clinician := clinicianNamed(t, s, tm.admin), clinicianNamed(t, s, tm.clinician)

	reads := clinicalReads(s.As(admin), caseID, c.ReferralID, note.ID, c.PersonID, tm.admin)
	typ := reflect.TypeOf(s)
	for i := 0; i < typ.NumMethod(); i++ {
		name := typ.Method(i).Name
		_, read := reads[name]
		if _, other := notRecords[name]; read == other {
			t.Errorf("Store.%s: a clinical read %v, in notRecords %v; want exactly one (store/view_test.go)", name, read, other)
		}
	}
	for name, read := range reads {
		err := read()
		if !errors.Is(err, ErrForbidden) || !strings.HasPrefix(err.Error(), "Ivy IT (admin) may not ") {
			t.Errorf("admin view: %s = %v, want ErrForbidden naming Ivy IT", name, err)
		}
	}
	for name, read := range clinicalReads(s.As(clinician), caseID, c.ReferralID, note.ID, c.PersonID, tm.clinician) {
		if err := read(); err != nil {
			t.Errorf("clinician view: %s = %v", name, err)
		}
	}
	// The owner's store (no view) reads as before.
	if _, err := s.Referral(context.Background(), c.ReferralID); err != nil {
		t.Errorf("store: Referral = %v", err)
	}
}

// Closing a view leaves the database open for the store and every other view.
func TestClosingAViewLeavesTheDatabaseOpen(t *testing.T) {
	s := newStore(t)
	tm := mustTeam(t, s)
	v := s.As(clinicianNamed(t, s, tm.admin))
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Clinicians(context.Background()); err != nil {
		t.Errorf("the store after a view closed: %v", err)
	}
	if _, err := v.Clinicians(context.Background()); err != nil {
		t.Errorf("the view after it closed: %v", err)
	}
}

// What IT's screen reads works on an admin's view: keys in use by clinician (revoked
// ones not counted), the file's size and schema.
func TestAdminViewReadsTheFileAndTheTeam(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	tm := mustTeam(t, s)
	v := s.As(clinicianNamed(t, s, tm.admin))
	for _, id := range []int64{tm.clinician, tm.clinician, tm.lead} {
		if _, err := v.AddClinicianKey(ctx, actorOf(tm.admin), t0, id, newPublicKey(t, "k")); err != nil {
			t.Fatal(err)
		}
	}
	ks, err := v.ClinicianKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.RevokeClinicianKey(ctx, actorOf(tm.admin), t0, ks[len(ks)-1].Key.Fingerprint); err != nil {
		t.Fatal(err)
	}
	n, err := v.KeysInUse(ctx)
	if err != nil || len(n) != 2 || n[tm.clinician]+n[tm.lead] != 2 {
		t.Errorf("KeysInUse = %v, %v; want one each for the clinician and the lead", n, err)
	}
	h, err := v.FileHealth(ctx)
	if err != nil || h.Path != s.Path() || h.Bytes <= 0 || h.Schema != len(migrations()) || h.Known != h.Schema {
		t.Errorf("FileHealth = %+v, %v", h, err)
	}
}
