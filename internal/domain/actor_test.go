package domain

import "testing"

func TestActorName(t *testing.T) {
	byID := func(id int64) (string, bool) {
		if id == 3 {
			return "Dr Niamh Ó Dálaigh", true
		}
		return "", false
	}
	for actor, want := range map[string]string{
		"clinician:3":     "Dr Niamh Ó Dálaigh",
		"clinician:9":     "clinician 9",
		"clinician:x":     "clinician:x",
		"demo:Dr Tom Hal": "Dr Tom Hal",
		"os:alice":        "alice",
		"test":            "test",
		"os:":             "os:",
		"":                "",
	} {
		if got := ActorName(actor, byID); got != want {
			t.Errorf("ActorName(%q) = %q, want %q", actor, got, want)
		}
	}
	if got := ActorName("clinician:3", nil); got != "clinician 3" {
		t.Errorf("without names: %q", got)
	}
}
