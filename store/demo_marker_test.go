package store

import (
	"context"
	"path/filepath"
	"testing"
)

// A database made for the demo says so in its first audit entry; one made by Create
// does not, and nothing else makes it.
func TestIsDemo(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name   string
		create func(context.Context, string) (*Store, error)
		demo   bool
	}{
		{"Create", func(ctx context.Context, p string) (*Store, error) { return Create(ctx, p, t0) }, false},
		{"CreateDemo", func(ctx context.Context, p string) (*Store, error) { return CreateDemo(ctx, p, t0) }, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := tt.create(ctx, filepath.Join(t.TempDir(), "caseload.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			mustClinician(t, s, "Dr Ali", true)
			if got, err := s.IsDemo(ctx); err != nil || got != tt.demo {
				t.Errorf("IsDemo = %v, %v; want %v", got, err, tt.demo)
			}
			d := lastDetail(t, s, "database", 0, "database.created")
			if d["schema_version"] != float64(len(migrations())) || (d["demo"] == true) != tt.demo {
				t.Errorf("database.created detail = %v", d)
			}
			mustVerify(t, s)
		})
	}
}
