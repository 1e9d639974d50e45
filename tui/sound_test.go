package tui

import (
	"context"
	"os"
	"strings"
	"testing"

	"caseload/internal/testdb"
	"caseload/store"
	"caseload/tui/tuitest"
)

// A file found damaged by the check that runs after the first frame keeps its sentence
// on the status line, through keystrokes and other news, for the rest of the session;
// and what the clinician then tries to save is refused with it, the file untouched
// (H31). A sound file's status line says nothing of it.
func TestDamagedFileIsSaidAfterTheFirstFrame(t *testing.T) {
	ctx := context.Background()
	src := testdb.Demo(t, testNow)
	newApp(t, src) // binds the account before the damage: the app's own start only reads
	path := src.Path()
	if err := src.Close(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// Scribble over the last pages, which hold the newest rows of the audit and its
	// index: the agenda reads around them, so the first frame draws.
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte(strings.Repeat("\xff", 3*4096)), fi.Size()-3*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	st, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatalf("Open: %v (it checks the pages after opening)", err)
	}
	d := tuitest.New(t, appOn(t, st), 200, 30)
	want := path + " is damaged ("
	if screen := d.Screen(); !strings.Contains(screen, want) {
		t.Fatalf("the status line does not say the file is damaged:\n%s", screen)
	}
	d.Keys("j k")
	if screen := d.Screen(); !strings.Contains(screen, want) {
		t.Fatalf("a keystroke cleared the damaged file's sentence:\n%s", screen)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(path)
	if err != nil || string(after) != string(before) {
		t.Fatalf("the damaged file changed (%v)", err)
	}

	sound := tuitest.New(t, newApp(t, testdb.Demo(t, testNow)), 100, 30)
	if strings.Contains(sound.Screen(), "damaged") {
		t.Fatalf("a sound file is said to be damaged:\n%s", sound.Screen())
	}
}
