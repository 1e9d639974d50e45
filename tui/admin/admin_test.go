package admin

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"golang.org/x/crypto/ssh"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// testNow is a Tuesday morning in winter, so London is on GMT.
var testNow = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// The store is the screen's source as it is, with no adapter between them.
var _ Source = (*store.Store)(nil)

// onServer is an admin's view of the store with the file where a server keeps it: the
// test's own file is in a temporary folder and its size moves with SQLite's pages.
type onServer struct{ *store.Store }

func (s onServer) FileHealth(ctx context.Context) (domain.FileHealth, error) {
	h, err := s.Store.FileHealth(ctx)
	h.Path, h.Bytes = "/srv/caseload/caseload.db", 2_412_544
	return h, err
}

// team is the demo with IT's admin added, keys for two of the team (one revoked), and a
// backup and a verify: the admin's view of it, and who the admin is.
func team(t testing.TB) (Source, domain.Clinician) {
	t.Helper()
	ctx := context.Background()
	st := testdb.Demo(t, testNow)
	id, err := st.AddClinician(ctx, "os:root", testNow, domain.Clinician{Name: "Ivy Okafor", Role: "IT",
		Access: domain.AccessAdmin, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	ivy := testdb.Clinician(t, st, "Ivy Okafor")
	for _, name := range []string{"Dr Tom Halliwell", "Dr Tom Halliwell", "Dr Amara Okonkwo-Reid", "Ivy Okafor"} {
		c := testdb.Clinician(t, st, name)
		if _, err := st.AddClinicianKey(ctx, "clinician:"+itoa(id), testNow, c.ID, newKey(t)); err != nil {
			t.Fatal(err)
		}
	}
	ks, err := st.ClinicianKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.RevokeClinicianKey(ctx, "os:root", testNow, ks[0].Key.Fingerprint); err != nil {
		t.Fatal(err)
	}
	for _, c := range []domain.SafetyCheck{
		{Kind: domain.SafetyBackup, At: testNow.Add(-3 * time.Hour), OK: true, Head: 1, Backup: "caseload-20261124-060000.db.age"},
		{Kind: domain.SafetyVerify, At: testNow.Add(-26 * time.Hour), OK: true, Head: 1},
	} {
		if err := st.RecordSafetyCheck(ctx, "os:root", c.At, c); err != nil {
			t.Fatal(err)
		}
	}
	return onServer{st.As(ivy)}, ivy
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func newKey(t testing.TB) domain.PublicKey {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := domain.ParsePublicKey(strings.TrimSpace(string(ssh.MarshalAuthorizedKey(k))) + " laptop")
	if err != nil {
		t.Fatal(err)
	}
	return pk
}

func newScreen(src Source, me domain.Clinician) func() common.Screen {
	return func() common.Screen { return New(tuitest.Session(testNow, me), src) }
}

// IT's home: the team with access, active and keys in use; the last backup and verify
// as a lead's Today words them; the file's size and schema; what to run on the server.
// At 80×24 and on a narrow terminal, where the commands wrap and the rest scrolls.
func TestAdminGolden(t *testing.T) {
	src, ivy := team(t)
	for _, c := range []struct {
		size tuitest.Size
		keys string
	}{
		{tuitest.Size{80, 24}, ""},
		{tuitest.Size{80, 24}, "G"},
		{tuitest.Size{44, 16}, ""},
		{tuitest.Size{44, 16}, "G"},
	} {
		name := tuitest.SizeName(c.size[0], c.size[1])
		if c.keys != "" {
			name += "-end"
		}
		t.Run(name, func(t *testing.T) {
			d, h := tuitest.Open(t, newScreen(src, ivy)(), c.size[0], c.size[1])
			screen := d.Keys(c.keys).Screen()
			tuitest.AssertFitsAtMost(t, screen, c.size[0], c.size[1])
			if len(h.Sent) != 0 {
				t.Errorf("the screen told the root %v", h.Sent)
			}
			golden.RequireEqual(t, screen)
		})
	}
}

// The screen reads nothing of a person's record: on an admin's view, which refuses every
// such read, it loads without an error and shows no person of the demo.
func TestAdminShowsNoClinicalData(t *testing.T) {
	src, ivy := team(t)
	d, h := tuitest.Open(t, newScreen(src, ivy)(), 120, 60)
	screen := d.Screen()
	if len(h.Sent) != 0 {
		t.Fatalf("loading told the root %v", h.Sent)
	}
	health, err := src.FileHealth(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("schema %d", health.Schema) // the file's own, whatever migration is the latest
	for _, want := range []string{"Ivy Okafor", "Dr Tom Halliwell", "Last good backup", schema, "caseload backup --db"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	for _, person := range []string{"NHS", "Siobhán", "Łukasz", "999"} {
		if strings.Contains(screen, person) {
			t.Errorf("screen shows %q:\n%s", person, screen)
		}
	}
}
