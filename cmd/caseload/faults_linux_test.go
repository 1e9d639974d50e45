//go:build linux

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// The faults of issue 12 ("plain sentences for every fault") are met by the real binary
// in a child process: a file-size limit (RLIMIT_FSIZE) stands for a full disk, and the
// permission cases run under an account the permission bits apply to.

// fsizeEnv, set in a child's environment, makes this test binary a wrapper: it lowers
// its own file-size limit to the value and execs the rest of its arguments (the built
// caseload), which inherits the limit. No prlimit or shell is needed, and the limit
// never applies to the test process itself. Go programs ignore SIGXFSZ unless asked
// (os/signal), so the caseload gets EFBIG from write(2) rather than being killed.
const fsizeEnv = "CASELOAD_TEST_FSIZE"

func init() {
	limit := os.Getenv(fsizeEnv)
	if limit == "" || len(os.Args) < 2 {
		return
	}
	n, err := strconv.ParseUint(limit, 10, 64)
	if err == nil {
		err = syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n})
	}
	if err == nil {
		err = syscall.Exec(os.Args[1], os.Args[1:], withoutVar(os.Environ(), fsizeEnv))
	}
	os.Stderr.WriteString("fsize wrapper: " + err.Error() + "\n")
	os.Exit(3)
}

func withoutVar(env []string, name string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// child is how the built binary is run: under a file-size limit (fsize > 0), or as the
// account the permission tests give their files to (asOwner).
type child struct {
	bin     string
	fsize   int64
	asOwner bool
}

// otherUID is the account the permission tests run the binary as. Root passes every
// permission check, so when the tests run as root (as in CI containers) the binary runs
// as nobody (65534), which the files and folders are then given to; otherwise it runs as
// the test's own account. Either way the mode bits are the only thing deciding.
func otherUID() int {
	if os.Geteuid() == 0 {
		return 65534
	}
	return os.Geteuid()
}

func (c child) run(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(c.bin, args...)
	if c.fsize > 0 {
		cmd = exec.Command(os.Args[0], append([]string{c.bin}, args...)...)
	}
	cmd.Env = append(os.Environ(), "CASELOAD_NOW="+testNow, "HOME="+t.TempDir(), "USER=tester")
	if c.fsize > 0 {
		cmd.Env = append(cmd.Env, fsizeEnv+"="+strconv.FormatInt(c.fsize, 10))
	}
	if c.asOwner && os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(otherUID()), Gid: uint32(otherUID())}}
		cmd.Env = append(cmd.Env, "HOME=/nonexistent")
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var ee *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &ee):
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			t.Fatalf("caseload %s was killed by %v: %s", strings.Join(args, " "), ws.Signal(), errOut.String())
		}
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return result{code, out.String(), errOut.String()}
}

// buildCaseload builds the binary once for the test, into a folder every account may
// read and run from.
func buildCaseload(t *testing.T) string {
	t.Helper()
	dir := sharedDir(t)
	bin := filepath.Join(dir, "caseload")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// sharedDir is a temporary folder the other account may enter (its parent, made by the
// testing package, is private).
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// ownedDir is a folder of the other account's, with the given mode set by the caller.
func ownedDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(sharedDir(t), "data")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	give(t, dir)
	t.Cleanup(func() { _ = os.Chmod(dir, 0o700) }) // so the testing package can remove it
	return dir
}

// give makes path the other account's.
func give(t *testing.T, path string) {
	t.Helper()
	if err := os.Chown(path, otherUID(), otherUID()); err != nil {
		t.Fatal(err)
	}
}

func chmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

// left lists what is in dir.
func left(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// says checks a refusal: exit 1, nothing on stdout, and exactly the sentence on stderr.
func says(t *testing.T, r result, sentence string) {
	t.Helper()
	if r.code != exitWrong || r.stdout != "" || r.stderr != "caseload: "+sentence+"\n" {
		t.Errorf("exit %d, stdout %q\nstderr %q\nwant exit 1, no output and\n       %q", r.code, r.stdout, r.stderr, "caseload: "+sentence+"\n")
	}
}
