package main

import (
	"strings"
	"testing"
)

func TestUsageErrorsExitTwo(t *testing.T) {
	db := tempDB(t)
	must(t, caseload(t, nil, "init", "--db", db))
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string // part of the one line on stderr
	}{
		{"unknown flag", nil, []string{"verify", "--db", db, "--bogus"}, "unknown flag: --bogus"},
		{"unknown command", nil, []string{"referals"}, `did you mean referrals?`},
		{"unknown subcommand", nil, []string{"referrals", "delete"}, "import or list"},
		{"missing subcommand", nil, []string{"referrals", "--db", db}, "import or list"},
		{"missing file", nil, []string{"referrals", "import", "--db", db}, "import needs one file"},
		{"two files", nil, []string{"referrals", "import", "--db", db, "a.csv", "b.csv"}, "import needs one file"},
		{"bad format", nil, []string{"referrals", "list", "--db", db, "--format", "xml"}, `"xml" is not a format`},
		{"extra argument", nil, []string{"verify", "--db", db, "now"}, "unknown command"},
		{"demo without --db", nil, []string{"demo"}, "demo needs --db FILE"},
		{"demo without --db, forced", map[string]string{"CASELOAD_DB": db}, []string{"demo", "--force"}, "demo needs --db FILE"},
		{"report without a period", nil, []string{"report", "--db", db}, "report needs the period"},
		{"bad CASELOAD_NOW", map[string]string{"CASELOAD_NOW": "tomorrow"}, []string{"verify", "--db", db}, "CASELOAD_NOW"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := caseload(t, tt.env, tt.args...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 2 and one line with %q", r.code, r.stderr, tt.want)
			}
		})
	}
}

func TestHelpAndVersionExitZero(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"referrals", "import", "--help"}, {"--version"}} {
		if r := caseload(t, nil, args...); r.code != 0 || r.stdout == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
}
