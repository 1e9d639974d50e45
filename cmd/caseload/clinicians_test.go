package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"caseload/store"
)

// clinicianList runs clinicians list --format json and decodes it.
func clinicianList(t *testing.T, db string) []map[string]any {
	t.Helper()
	r := must(t, caseload(t, nil, "clinicians", "list", "--db", db, "--format", "json"))
	var list []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatalf("%v in %q", err, r.stdout)
	}
	return list
}

func TestCliniciansAddListDeactivate(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	if r := must(t, caseload(t, nil, "clinicians", "list", "--db", db, "--format", "json")); r.stdout != "[]\n" {
		t.Errorf("no clinicians as json: %q, want []", r.stdout)
	}
	if r := must(t, caseload(t, nil, "clinicians", "list", "--db", db)); !strings.HasPrefix(r.stdout, "no clinicians") {
		t.Errorf("no clinicians as a table: %q", r.stdout)
	}

	r := must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", "Dr Tom Halliwell",
		"--role", "clinical psychologist", "--registration", "PYL31958"))
	if r.stdout != "added clinician 1: Dr Tom Halliwell, clinical psychologist\n" {
		t.Errorf("add said %q", r.stdout)
	}
	// Spaces a shell or a paste left around the values are not part of them.
	must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", "  يوسف الحداد ", "--role", "assistant psychologist"))
	must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", "Niamh Ó Dálaigh & 陈浩然", "--role", "nurse",
		"--registration", "09C4172E"))

	list := clinicianList(t, db)
	if len(list) != 3 {
		t.Fatalf("%d clinicians, want 3: %v", len(list), list)
	}
	want := map[string]any{"id": 2.0, "name": "يوسف الحداد", "role": "assistant psychologist",
		"registration": nil, "os_user": nil, "active": true, "access": "clinician"}
	if len(list[1]) != len(want) {
		t.Errorf("clinician 2 has keys %v, want exactly %v", list[1], want)
	}
	for k, v := range want {
		if got, ok := list[1][k]; !ok || got != v {
			t.Errorf("clinician 2 %s = %v (present %v), want %v", k, got, ok, v)
		}
	}
	if list[0]["registration"] != "PYL31958" || list[2]["name"] != "Niamh Ó Dálaigh & 陈浩然" {
		t.Errorf("list: %v", list)
	}

	r = must(t, caseload(t, nil, "clinicians", "deactivate", "--db", db, "2"))
	if r.stdout != "deactivated clinician 2, يوسف الحداد\n" {
		t.Errorf("deactivate said %q", r.stdout)
	}
	// Asking again changes nothing and is not an error.
	r = must(t, caseload(t, nil, "clinicians", "deactivate", "--db", db, "2"))
	if !strings.Contains(r.stdout, "already deactivated") {
		t.Errorf("deactivating twice said %q", r.stdout)
	}
	list = clinicianList(t, db)
	if list[0]["active"] != true || list[1]["active"] != false || list[2]["active"] != true {
		t.Errorf("after deactivating 2: %v", list)
	}

	// Each change is in the audit chain, under the OS account, and the chain holds.
	if v := must(t, caseload(t, nil, "verify", "--db", db)); v.stdout != "ok\n" {
		t.Errorf("verify said %q", v.stdout)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	entries, err := st.AuditEntries(ctx, "clinician", 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || entries[0].Action != "clinician.added" || !strings.HasPrefix(entries[1].Actor, "os:") {
		t.Errorf("audit of clinician 2: %+v; want the addition and one deactivation", entries)
	}
}

func TestCliniciansCSVAndTable(t *testing.T) {
	db := tempDB(t)
	demoDB(t, db)
	must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", "يوسف الحداد", "--role", "lead"))
	must(t, caseload(t, nil, "clinicians", "deactivate", "--db", db, "4"))

	r := must(t, caseload(t, nil, "clinicians", "list", "--db", db, "--format", "csv"))
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 7 || strings.Join(recs[0], ",") != "id,name,role,registration,os_user,active,access" {
		t.Fatalf("csv:\n%s", r.stdout)
	}
	if got := strings.Join(recs[4], "|"); got != "4|Sanjay Mistry|assistant psychologist|||false|clinician" {
		t.Errorf("row 4: %s", got)
	}

	r = must(t, caseload(t, nil, "clinicians", "list", "--db", db))
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 7 {
		t.Fatalf("%d lines, want a header and 6 rows:\n%s", len(lines), r.stdout)
	}
	// ROLE starts in the same terminal cell on every line, whatever script the name is in.
	col := strings.Index(lines[0], "ROLE")
	roles := []string{"lead", "clinical", "assistant", "nurse"}
	for _, line := range lines[1:] {
		rest := ansi.TruncateLeft(line, col, "")
		ok := false
		for _, role := range roles {
			ok = ok || strings.HasPrefix(rest, role+" ")
		}
		if !ok {
			t.Errorf("ROLE is not at cell %d in %q", col, line)
		}
	}
	if !strings.Contains(lines[4], "Sanjay Mistry") || !strings.HasSuffix(lines[4], "-        no      clinician") ||
		!strings.HasSuffix(lines[1], "yes     lead") || !strings.HasSuffix(lines[6], "yes     lead") {
		t.Errorf("table:\n%s", r.stdout)
	}
}

func TestCliniciansErrors(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", "Beth Armitage", "--role", "nurse"))
	tests := []struct {
		name string
		args []string
		code int
		want string // part of the one line on stderr
	}{
		{"blank name", []string{"add", "--name", "  ", "--role", "nurse"}, exitWrong, "--name is blank"},
		{"blank role", []string{"add", "--name", "Jo", "--role", ""}, exitWrong, "--role is blank"},
		{"control character", []string{"add", "--name", "Jo\x1b[31m", "--role", "nurse"}, exitWrong, "control character"},
		{"unknown id", []string{"deactivate", "99"}, exitWrong, "no clinician has id 99"},
		{"id not a number", []string{"deactivate", "Beth"}, exitWrong, `"Beth" is not a clinician id`},
		{"missing name", []string{"add", "--role", "nurse"}, exitUsage, "needs --name NAME and --role ROLE"},
		{"missing role", []string{"add", "--name", "Jo"}, exitUsage, "needs --name NAME and --role ROLE"},
		{"missing id", []string{"deactivate"}, exitUsage, "deactivate needs one clinician id"},
		{"two ids", []string{"deactivate", "1", "2"}, exitUsage, "deactivate needs one clinician id"},
		{"stray argument", []string{"add", "--name", "Jo", "--role", "nurse", "lead"}, exitUsage, "unknown command"},
		{"bad format", []string{"list", "--format", "xml"}, exitUsage, `"xml" is not a format`},
		{"missing command", nil, exitUsage, "add, list, deactivate, access, bind, unbind or keys"},
		{"unknown command", []string{"remove"}, exitUsage, "add, list, deactivate, access, bind, unbind or keys"},
		{"unknown access", []string{"add", "--name", "Jo", "--role", "nurse", "--access", "root"}, exitWrong, `"root" is not an access: use clinician, lead or admin`},
		{"access: unknown access", []string{"access", "1", "root"}, exitWrong, `"root" is not an access`},
		{"access: unknown id", []string{"access", "99", "lead"}, exitWrong, "no clinician has id 99"},
		{"access: no access", []string{"access", "1"}, exitUsage, "access needs a clinician id and an access"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"clinicians"}, tt.args...)
			r := caseload(t, nil, append(args, "--db", db)...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want %d and one line with %q", r.code, r.stderr, tt.code, tt.want)
			}
		})
	}
	// Nothing was added or changed by any of them.
	if list := clinicianList(t, db); len(list) != 1 || list[0]["active"] != true {
		t.Errorf("after the errors: %v", list)
	}
}

func TestCliniciansHelpSuggestsRoles(t *testing.T) {
	r := must(t, caseload(t, nil, "clinicians", "add", "--help"))
	for _, role := range []string{"clinical psychologist", "assistant", "nurse", "lead"} {
		if !strings.Contains(r.stdout, role) {
			t.Errorf("help does not suggest %q:\n%s", role, r.stdout)
		}
	}
}
