package anchor

import (
	"crypto/ed25519"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzParse checks that no line makes Parse panic, and that what it accepts is a
// checkpoint whose every field passes the checks (so the signed text has one form), and
// which a wrong key never verifies.
func FuzzParse(f *testing.F) {
	_, key, _ := ed25519.GenerateKey(nil)
	good := cp(hashOf('a'), "/srv/team.db", 5, hashOf('e'), dec2).Sign(key)
	line, _ := jsonLine(good)
	f.Add(line)
	f.Add([]byte(strings.Replace(string(line), `"entry":5`, `"entry":-1`, 1)))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"database":"` + hashOf('a') + `"} {}`))
	f.Add([]byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		if err != nil {
			if err.Error() == "" || strings.ContainsRune(err.Error(), '\n') {
				t.Fatalf("malformed error %q", err)
			}
			return
		}
		if why := c.problem(); why != "" {
			t.Fatalf("accepted a checkpoint with a problem: %s", why)
		}
		if c.verify(map[string]bool{}) == "" {
			t.Fatal("a checkpoint verified with no known key")
		}
	})
}

func jsonLine(c Checkpoint) ([]byte, error) { return json.Marshal(c) }
