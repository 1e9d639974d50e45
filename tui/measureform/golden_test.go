package measureform

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"caseload/internal/domain"
	"caseload/internal/testdb"
	"caseload/tui/common"
	"caseload/tui/tuitest"
)

// The form part-way through a CORE-10, its score so far above the items, at the two
// sizes every screen is drawn at.
func TestGoldenMeasureForm(t *testing.T) {
	c := testdb.OneCase(t, testNow)
	for _, s := range []tuitest.Size{{80, 24}, {160, 50}} {
		t.Run(tuitest.SizeName(s[0], s[1]), func(t *testing.T) {
			d, _ := drive(t, c, common.RecordMeasureMsg{Measure: "core-10", Point: domain.PointRelease}, s[0], s[1])
			d.Keys("enter enter enter")
			for _, v := range []string{"2", "3", "1", "2", "2", "1", "0", "2", "3"} {
				d.Type(v).Keys("enter")
			}
			screen := d.Screen()
			tuitest.AssertFitsAtMost(t, screen, s[0], s[1])
			golden.RequireEqual(t, screen)
		})
	}
}
