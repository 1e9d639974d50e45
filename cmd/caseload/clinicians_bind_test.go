package main

import (
	"context"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/store"
)

// bindings is account by clinician id, as clinicians list shows them.
func bindings(t *testing.T, db string) map[float64]any {
	t.Helper()
	out := map[float64]any{}
	for _, c := range clinicianList(t, db) {
		out[c["id"].(float64)] = c["os_user"]
	}
	return out
}

// The rules of bind and unbind, run in order on one team: 1 Dr Tom Halliwell, 2 Beth
// Armitage (who leaves), 3 Sanjay Mistry.
func TestCliniciansBindUnbind(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	for _, c := range [][]string{{"Dr Tom Halliwell", "clinical psychologist"}, {"Beth Armitage", "nurse"}, {"Sanjay Mistry", "assistant psychologist"}} {
		must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", c[0], "--role", c[1]))
	}
	steps := []struct {
		name   string
		args   []string
		code   int
		stdout string // the whole of stdout, when the command succeeds
		stderr string // part of the one line on stderr, when it fails
	}{
		{"bind", []string{"bind", "--os-user", "thalliwell", "1"}, 0, "bound OS account thalliwell to clinician 1, Dr Tom Halliwell\n", ""},
		{"the same account again", []string{"bind", "--os-user", "thalliwell", "1"}, 0, "OS account thalliwell was already bound to clinician 1, Dr Tom Halliwell\n", ""},
		{"a second account for a bound clinician", []string{"bind", "--os-user", "tom2", "1"}, exitWrong, "", "clinician 1 is already bound to OS account thalliwell"},
		{"a bound account for another clinician", []string{"bind", "--os-user", "thalliwell", "3"}, exitWrong, "", "OS account thalliwell is already bound to clinician 1"},
		{"unknown id", []string{"bind", "--os-user", "x", "9"}, exitWrong, "", "no clinician has id 9"},
		{"bind beth", []string{"bind", "--os-user", "barmitage", "2"}, 0, "bound OS account barmitage to clinician 2, Beth Armitage\n", ""},
		{"beth leaves", []string{"deactivate", "2"}, 0, "deactivated clinician 2, Beth Armitage\n", ""},
		{"binding a deactivated clinician", []string{"bind", "--os-user", "beth2", "2"}, exitWrong, "", "clinician 2 has been deactivated"},
		{"unbinding the wrong account", []string{"unbind", "--os-user", "thalliwell", "2"}, exitWrong, "", "clinician 2 is bound to OS account barmitage, not thalliwell"},
		{"unbinding an account from someone it is not bound to", []string{"unbind", "--os-user", "thalliwell", "3"}, exitWrong, "", "OS account thalliwell is bound to clinician 1, not 3"},
		{"unbind the deactivated clinician's account", []string{"unbind", "--os-user", "barmitage", "2"}, 0, "unbound OS account barmitage from clinician 2, Beth Armitage\n", ""},
		{"unbind again", []string{"unbind", "--os-user", "barmitage", "2"}, 0, "clinician 2, Beth Armitage, was not bound to an OS account\n", ""},
		{"the freed account to whoever uses it now", []string{"bind", "--os-user", "barmitage", "3"}, 0, "bound OS account barmitage to clinician 3, Sanjay Mistry\n", ""},
		{"unknown id to unbind", []string{"unbind", "--os-user", "x", "9"}, exitWrong, "", "no clinician has id 9"},
		{"blank account", []string{"bind", "--os-user", " ", "1"}, exitWrong, "", "--os-user is blank"},
		{"id not a number", []string{"unbind", "--os-user", "thalliwell", "Tom"}, exitWrong, "", `"Tom" is not a clinician id`},
		{"no account", []string{"bind", "1"}, exitUsage, "", "bind needs --os-user NAME and one clinician id"},
		{"no id", []string{"unbind", "--os-user", "thalliwell"}, exitUsage, "", "unbind needs --os-user NAME and one clinician id"},
		{"two ids", []string{"bind", "--os-user", "thalliwell", "1", "2"}, exitUsage, "", "bind needs --os-user NAME and one clinician id"},
	}
	for _, tt := range steps {
		r := caseload(t, nil, append(append([]string{"clinicians"}, tt.args...), "--db", db)...)
		switch {
		case r.code != tt.code:
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %d", tt.name, r.code, r.stdout, r.stderr, tt.code)
		case tt.code == 0 && r.stdout != tt.stdout:
			t.Errorf("%s: said %q, want %q", tt.name, r.stdout, tt.stdout)
		case tt.code != 0 && (!strings.Contains(r.stderr, tt.stderr) || strings.Count(r.stderr, "\n") != 1):
			t.Errorf("%s: stderr %q; want one line with %q", tt.name, r.stderr, tt.stderr)
		}
	}
	if got := bindings(t, db); got[1] != "thalliwell" || got[2] != nil || got[3] != "barmitage" {
		t.Errorf("bindings at the end: %v", got)
	}

	// Each binding and unbinding is in the audit chain under the OS account of whoever
	// ran it, and the chain holds.
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
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action)
		if !strings.HasPrefix(e.Actor, "os:") {
			t.Errorf("entry %d by %q", e.ID, e.Actor)
		}
	}
	if got := strings.Join(actions, " "); got != "clinician.added clinician.bound clinician.deactivated clinician.unbound" {
		t.Errorf("clinician 2's audit: %s", got)
	}
}

// The app's refusal of a deactivated clinician's account names the command that frees
// it, and that command, pasted as it is, works.
func TestDeactivatedRefusalNamesTheFix(t *testing.T) {
	db := tempDB(t) // a name with a space, so the command must quote it
	db = strings.TrimSuffix(db, "test.db") + "team db.db"
	must(t, caseload(t, nil, "init", "--db", db))
	must(t, caseload(t, nil, "clinicians", "add", "--db", db, "--name", "Beth Armitage", "--role", "nurse"))
	must(t, caseload(t, nil, "clinicians", "bind", "--db", db, "--os-user", "barmitage", "1"))
	must(t, caseload(t, nil, "clinicians", "deactivate", "--db", db, "1"))

	msg := deactivatedRefusal("barmitage", domain.Clinician{ID: 1, Name: "Beth Armitage"}, db)
	want := "account barmitage belongs to Beth Armitage, who is no longer an active clinician: " +
		"ask a lead to run caseload clinicians unbind --os-user barmitage 1 --db '" + db + "'"
	if msg != want {
		t.Fatalf("refusal:\n%s\nwant:\n%s", msg, want)
	}
	_, command, _ := strings.Cut(msg, "ask a lead to run caseload ")
	args := strings.Fields(strings.TrimSuffix(command, "'"+db+"'"))
	r := must(t, caseload(t, nil, append(args, db)...))
	if !strings.HasPrefix(r.stdout, "unbound OS account barmitage from clinician 1") {
		t.Errorf("the named command said %q", r.stdout)
	}
	if got := bindings(t, db); got[1] != nil {
		t.Errorf("still bound: %v", got)
	}
}

func TestShellWord(t *testing.T) {
	for in, want := range map[string]string{
		"team.db": "team.db", "/home/jo/.local/share/caseload/caseload.db": "/home/jo/.local/share/caseload/caseload.db",
		"team db.db": "'team db.db'", "jo's.db": `'jo'\''s.db'`, "": "''", "$HOME/x": "'$HOME/x'",
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestBindUnbindHelp(t *testing.T) {
	for _, verb := range []string{"bind", "unbind"} {
		r := must(t, caseload(t, nil, "clinicians", verb, "--help"))
		for _, want := range []string{"--os-user", "caseload clinicians " + verb + " --db team.db --os-user thalliwell 2"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s --help does not show %q:\n%s", verb, want, r.stdout)
			}
		}
	}
	r := must(t, caseload(t, nil, "clinicians", "--help"))
	for _, verb := range []string{"bind", "unbind"} {
		if !strings.Contains(r.stdout, verb) {
			t.Errorf("clinicians --help does not list %s:\n%s", verb, r.stdout)
		}
	}
}
