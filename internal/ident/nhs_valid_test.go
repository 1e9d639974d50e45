package ident

import "testing"

// Valid agrees with ParseNHSNumber on every number already in its stored form: each
// last digit after a run of first nine, and the malformed.
func TestNHSNumberValid(t *testing.T) {
	var texts []string
	for _, body := range []string{"999000001", "943476591", "401023213", "999123456", "000000000", "123456789"} {
		for d := '0'; d <= '9'; d++ {
			texts = append(texts, body+string(d))
		}
	}
	texts = append(texts, "", "99900000", "99900000181", "999000001x", "999 000 0018", "９９９０００００１８")
	for _, s := range texts {
		_, err := ParseNHSNumber(s)
		canonical := err == nil && len(s) == 10
		if got := NHSNumber(s).Valid(); got != canonical {
			t.Errorf("%q: Valid %v, parsed %v", s, got, err)
		}
	}
}
