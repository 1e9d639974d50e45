package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
)

var exportNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// The export reads every signed record of the person and no draft, and keeps one audit
// entry naming ids, the format and counts, never a name.
func TestExportPersonRecordReadsSignedOnlyAndAudits(t *testing.T) {
	ctx := context.Background()
	x := testdb.Exportable(t, exportNow)
	rec, err := x.Store.ExportPersonRecord(ctx, "os:alice", exportNow, x.PersonID, "pdf")
	if err != nil {
		t.Fatal(err)
	}
	if rec.Person.Name() != x.Person || len(rec.Referrals) != 1 || len(rec.Cases) != 1 {
		t.Fatalf("person %q, %d referrals, %d cases; want %q, 1, 1", rec.Person.Name(), len(rec.Referrals), len(rec.Cases), x.Person)
	}
	rr := rec.Referrals[0]
	if rr.Screening == nil || len(rr.Screening.Checklist.Rules) == 0 || len(rr.Consultations) != 1 || rr.Withdrawal != nil {
		t.Errorf("referral's decisions: screening %+v, %d consultations, withdrawal %v", rr.Screening, len(rr.Consultations), rr.Withdrawal)
	}
	k := rec.Cases[0]
	if len(k.Notes) != 2 || len(k.Notes[0].Addenda) != 1 || len(k.Formulations) != 1 || len(k.Discharges) != 1 ||
		len(k.Handovers) != 1 {
		t.Fatalf("case: %d notes (first with %d addenda), %d formulations, %d discharges, %d handovers; want 2 (1), 1, 1, 1",
			len(k.Notes), len(k.Notes[0].Addenda), len(k.Formulations), len(k.Discharges), len(k.Handovers))
	}
	if d := k.Discharges[0]; !d.Signed() || d.Reopened == nil || d.Reopened.Reason == "" {
		t.Errorf("discharge summary %+v; want the signed one with its reopening", d)
	}
	for _, n := range k.Notes {
		if !n.Signed() {
			t.Errorf("note %d is a draft", n.ID)
		}
	}
	if got := fmt.Sprintf("%+v", rec); strings.Contains(got, "DRAFT-") {
		t.Errorf("a draft was read into the record: %s", got)
	}
	es, err := x.Store.AuditEntries(ctx, "person", x.PersonID)
	if err != nil {
		t.Fatal(err)
	}
	var exported []store.AuditEntry
	for _, e := range es {
		if e.Action == store.ActionPersonExported {
			exported = append(exported, e)
		}
	}
	if len(exported) != 1 || exported[0].Actor != "os:alice" {
		t.Fatalf("person.exported entries %+v; want one by os:alice", exported)
	}
	var d map[string]any
	if err := json.Unmarshal([]byte(exported[0].Detail), &d); err != nil {
		t.Fatal(err)
	}
	if d["format"] != "pdf" || d["notes"] != 2.0 || d["addenda"] != 1.0 || d["formulations"] != 1.0 ||
		d["discharge_summaries"] != 1.0 || d["handovers"] != 1.0 || fmt.Sprint(d["case_ids"]) != fmt.Sprintf("[%d]", x.ID) {
		t.Errorf("detail %s; want the format, ids and counts", exported[0].Detail)
	}
	// The lead's audit log finds the export by the person, and names them.
	lines, err := x.Store.AuditLog(ctx, store.AuditFilter{Person: "Súilleabháin", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) == 0 || lines[0].Action != store.ActionPersonExported || lines[0].Person != x.Person {
		t.Errorf("the audit log by person: newest %+v; want the export, naming %q", lines[0], x.Person)
	}
	for _, name := range []string{"Súilleabháin", "يوسف", "Ångström", "Niamh"} {
		if strings.Contains(exported[0].Detail, name) {
			t.Errorf("the audit detail names %q: %s", name, exported[0].Detail)
		}
	}
}

// Refusals: an unknown person, a format that is none, a clinician who is not a lead
// (the audit's permit refuses the read with it), an admin (who reads no records). None
// leaves an audit entry.
func TestExportPersonRecordRefusals(t *testing.T) {
	ctx := context.Background()
	x := testdb.Exportable(t, exportNow)
	admin := domain.Clinician{Name: "Pat IT", Role: "IT", Active: true, Access: domain.AccessAdmin}
	var err error
	if admin.ID, err = x.Store.AddClinician(ctx, "test", exportNow, admin); err != nil {
		t.Fatal(err)
	}
	before, err := x.Store.AuditLog(ctx, store.AuditFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		st     *store.Store
		actor  string
		person int64
		format string
		want   error
	}{
		{"unknown person", x.Store, "os:alice", 999, "pdf", store.ErrNotFound},
		{"not a format", x.Store, "os:alice", x.PersonID, "docx", store.ErrInvalid},
		{"a clinician", x.Store, fmt.Sprintf("clinician:%d", x.Clinician.ID), x.PersonID, "md", store.ErrForbidden},
		{"an admin's view", x.Store.As(admin), "os:alice", x.PersonID, "html", store.ErrForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.st.ExportPersonRecord(ctx, tt.actor, exportNow, tt.person, tt.format)
			if !errors.Is(err, tt.want) || strings.Count(err.Error(), "\n") != 0 {
				t.Errorf("err %v; want %v in one sentence", err, tt.want)
			}
		})
	}
	after, err := x.Store.AuditLog(ctx, store.AuditFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if after[0].ID != before[0].ID {
		t.Errorf("a refused export left audit entry %+v", after[0])
	}
	// The lead may.
	if _, err := x.Store.ExportPersonRecord(ctx, fmt.Sprintf("clinician:%d", x.Lead.ID), exportNow, x.PersonID, "md"); err != nil {
		t.Errorf("the lead's export: %v", err)
	}
}
