package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// t0 is the fixed instant the tests run at.
var t0 = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// testNHS returns the i-th valid NHS number in the test range (999 ...).
func testNHS(i int) ident.NHSNumber {
	for n := i * 2; ; n++ { // about one body in eleven has no check digit, so leave room
		body := fmt.Sprintf("999%06d", n)
		sum := 0
		for k := range 9 {
			sum += int(body[k]-'0') * (10 - k)
		}
		c := 11 - sum%11
		if c == 10 {
			continue
		}
		if c == 11 {
			c = 0
		}
		return ident.NHSNumber(body + strconv.Itoa(c))
	}
}

// testPNC returns a valid long-form PNC ID for the serial.
func testPNC(t testing.TB, serial int) ident.PNCID {
	for l := 'A'; l <= 'Z'; l++ {
		id, err := ident.ParsePNCID(fmt.Sprintf("2001/%07d%c", serial, l), t0)
		if err == nil {
			return id
		}
	}
	t.Fatalf("no check letter for PNC serial %d", serial)
	return ""
}

// fullReferral has every field set.
func fullReferral(t testing.TB) domain.Referral {
	return domain.Referral{
		Person: domain.Person{
			GivenName: "Ada", FamilyName: "Testperson",
			DateOfBirth:  ident.MustDate(1985, time.March, 14),
			NHSNumber:    testNHS(1),
			PrisonNumber: "A1234BC",
			PNCID:        testPNC(t, 123456),
			CRN:          "X123456",
		},
		Source:             domain.SourceProbation,
		Referrer:           domain.Referrer{Name: "Sam Officer", Org: "Probation Service, Preston", Email: "sam@example.gov.uk"},
		CurrentPrison:      "HMP Preston",
		ExpectedRelease:    ident.MustDate(2027, time.January, 6),
		ReleaseDateType:    domain.ReleaseCRD,
		RoSH:               domain.RoSHHigh,
		PriorityGroup:      2,
		ComplexHealthNeeds: domain.Yes,
		ResettlementArea:   "Preston",
		ApprovedPremises:   domain.No,
		Reason:             "Line one.\nLine two, with \"quotes\" and émigré.",
		ReceivedAt:         time.Date(2026, 11, 22, 14, 5, 9, 0, time.UTC),
		EnteredAt:          time.Date(2026, 11, 23, 8, 0, 1, 0, time.UTC),
		ScreenedAt:         time.Date(2026, 11, 23, 16, 30, 0, 0, time.UTC),
		Status:             domain.StatusScreenedIn,
	}
}

// minimalReferral has only what is required.
func minimalReferral() domain.Referral {
	return domain.Referral{
		Person:     domain.Person{GivenName: "Bo", FamilyName: "Minimal"},
		Source:     domain.SourceSelf,
		ReceivedAt: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC),
	}
}

// person makes a referral for a named person with an NHS number (or none for "").
func person(given, family string, nhs ident.NHSNumber) domain.Referral {
	r := minimalReferral()
	r.Person = domain.Person{GivenName: given, FamilyName: family, NHSNumber: nhs}
	return r
}

func newStore(t testing.TB) *Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "caseload.db")
	if err := copyFile(path, created(t)); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// A database made by Create at t0, once for the package: every test's store is a copy of
// it, opened with Open. Creating runs every migration, about a second under the race
// detector; copying a closed file gives the same database in a few milliseconds. The
// tests of Create itself call it.
var (
	createdOnce sync.Once
	createdPath string
	createdErr  error
	createdDir  string
)

func created(t testing.TB) string {
	t.Helper()
	createdOnce.Do(func() {
		if createdDir, createdErr = os.MkdirTemp("", "caseload-store-test-"); createdErr != nil {
			return
		}
		path := filepath.Join(createdDir, "created.db")
		s, err := Create(context.Background(), path, t0)
		if err == nil {
			err = s.Close() // the last connection's close checkpoints the WAL into the file
		}
		if fi, statErr := os.Stat(path + "-wal"); err == nil && statErr == nil && fi.Size() > 0 {
			err = fmt.Errorf("%s-wal still holds %d bytes after closing: a copy of the file alone would lose them", path, fi.Size())
		}
		createdPath, createdErr = path, err
	})
	if createdErr != nil {
		t.Fatalf("Create: %v", createdErr)
	}
	return createdPath
}

// copyFile copies the closed database at from to a new file to, readable by its owner only.
func copyFile(to, from string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o600)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if createdDir != "" {
		_ = os.RemoveAll(createdDir)
	}
	os.Exit(code)
}

// count returns SELECT count(*) FROM table.
func count(t testing.TB, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// referralsN makes n referrals, each for a different person with an NHS number.
func referralsN(n int) []domain.Referral {
	rs := make([]domain.Referral, n)
	for i := range rs {
		r := minimalReferral()
		r.Person = domain.Person{GivenName: "Given" + strconv.Itoa(i), FamilyName: "Family", NHSNumber: testNHS(i)}
		r.Reason = "Reason for referral, long enough to fill pages: " + strings.Repeat("x", 100)
		r.ReceivedAt = r.ReceivedAt.Add(time.Duration(i) * time.Minute)
		rs[i] = r
	}
	return rs
}

// fixture makes a change no store call makes yet (a case closed, a case unallocated)
// the way the store makes every change: in a transaction with its audit entry, so the
// file still verifies.
func fixture(t testing.TB, s *Store, query string, args ...any) {
	t.Helper()
	ctx := context.Background()
	err := s.inTx(ctx, "setting up a test", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, query, args...); err != nil {
			return err
		}
		c, err := openChain(ctx, tx)
		if err != nil {
			return err
		}
		_, err = c.append(ctx, "test", t0, "test.fixture", "database", 0, struct{}{})
		return err
	})
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}
