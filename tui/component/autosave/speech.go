package autosave

import (
	"fmt"
	"strings"
	"time"

	"caseload/tui/common"
	"caseload/tui/spoken"
)

// Speech is the conflict in the accessible mode, for the editor that holds it: who did
// what when, that the text typed here is kept; the choices, named by their keys; and the
// text stored now once read, which a sighted person compares side by side.
func (c Conflict) Speech(loc *time.Location, what string) []string {
	did := "saved a newer version of this " + what
	if c.Signed {
		did = "signed this " + what
	}
	out := []string{spoken.Sentence(fmt.Sprintf("%s %s at %s in another window. Your text is kept here, not saved over it",
		c.Who, did, common.MediumTime(c.At, loc)))}
	var ks [][2]string
	for _, b := range c.Help(NewConflictKeys()) {
		if h := b.Help(); h.Desc != "side by side" {
			ks = append(ks, [2]string{h.Key, h.Desc})
		}
	}
	out = append(out, strings.Replace(spoken.Keys(ks), "Keys:", "Choose:", 1))
	if strings.TrimSpace(c.Other) != "" {
		out = append(out, spoken.Sentence("The version stored now says: "+strings.Join(strings.Fields(c.Other), " ")))
	}
	return out
}
