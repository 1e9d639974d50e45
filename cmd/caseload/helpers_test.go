package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// testNow pins every test's clock: nothing here depends on today's date.
const testNow = "2026-11-24T09:00:00Z"

type result struct {
	code           int
	stdout, stderr string
}

// caseload runs the command in-process with a fixed clock and a home folder of its own,
// so the default database path can never reach the real one.
func caseload(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	return caseloadIn(t, context.Background(), env, args...)
}

// caseloadIn is caseload under ctx: a cancelled one is a signal as the command begins.
func caseloadIn(t *testing.T, ctx context.Context, env map[string]string, args ...string) result {
	t.Helper()
	vars := map[string]string{"CASELOAD_NOW": testNow, "HOME": t.TempDir(), "USER": "tester"}
	for k, v := range env {
		vars[k] = v
	}
	var out, errOut bytes.Buffer
	code := run(ctx, args, &out, &errOut, func(k string) string { return vars[k] })
	return result{code, out.String(), errOut.String()}
}

// must fails the test unless the command exited 0.
func must(t *testing.T, r result) result {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	return r
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "test.db") }

// writeFile writes a file in a temporary folder and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const importHeader = "received_at,source,referrer_name,referrer_org,referrer_email,given_name,family_name,date_of_birth,nhs_number,prison_number,pnc_id,crn,current_prison,expected_release_date,release_date_type,rosh,priority_group,complex_health_needs,resettlement_area,approved_premises,referral_reason\n"

// importRow is a valid import row with the given names, NHS number and receipt time.
func importRow(given, family, nhs, received string) string {
	return strings.Join([]string{received, "probation", "Rachel Dunmore", "\"Probation Service, Preston\"",
		"rachel.dunmore@example.org", given, family, "1990-05-17", nhs, "A1234BC", "2001/0123456F", "X123456",
		"HMP Preston", "2027-03-31", "CRD", "high", "3", "yes", "Preston", "no", "\"Line one\nline two\""}, ",") + "\n"
}

// demoDB writes the demo database at db, as `caseload demo --db db` does at testNow: the
// demo is made once for the package (a few seconds under the race detector) and each
// test gets a copy of the closed file.
func demoDB(t *testing.T, db string) {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := os.MkdirTemp("", "caseload-cmd-test-")
		if err != nil {
			demoErr = err
			return
		}
		demoDir, demoPath = dir, filepath.Join(dir, "demo.db")
		if r := caseload(t, nil, "demo", "--db", demoPath); r.code != 0 {
			demoErr = fmt.Errorf("demo: exit %d: %s", r.code, r.stderr)
		} else if fi, err := os.Stat(demoPath + "-wal"); err == nil && fi.Size() > 0 {
			demoErr = fmt.Errorf("the demo left %d bytes in its WAL: a copy of the file alone would lose them", fi.Size())
		}
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	b, err := os.ReadFile(demoPath)
	if err == nil {
		err = os.WriteFile(db, b, 0o600)
	}
	if err != nil {
		t.Fatal(err)
	}
}

var (
	demoOnce          sync.Once
	demoDir, demoPath string
	demoErr           error
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range []string{demoDir, binDir} {
		if dir != "" {
			_ = os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}
