package clock

import (
	"testing"
	"time"
)

func TestFromEnv(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == EnvVar {
				return v
			}
			return ""
		}
	}
	c, err := FromEnv(env(""))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.(System); !ok {
		t.Fatalf("unset: got %T, want System", c)
	}
	c, err = FromEnv(env("2026-11-24T09:00:00+01:00"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Now(); !got.Equal(time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC)) || got.Location() != time.UTC {
		t.Fatalf("fixed: got %v", got)
	}
	if _, err := FromEnv(env("24/11/2026")); err == nil {
		t.Fatal("malformed value accepted")
	}
}

func TestLondon(t *testing.T) {
	summer := time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC).In(London())
	if _, off := summer.Zone(); off != 3600 {
		t.Fatalf("BST offset = %d, want 3600", off)
	}
}
