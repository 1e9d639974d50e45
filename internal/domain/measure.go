package domain

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"
)

// A MeasureDefinition is a scored outcome measure as the service uses it, read from a
// definition file shipped with the app (internal/domain/measures; docs/RULES.md,
// "Outcome measures"): its items and their responses, how it is scored, its bands,
// clinical cut-off and reliable change, which way is better, and its licence. Item
// wording is never guessed: where it is not confirmed from a primary source the file
// says WordingLocal and the service enters it from its own copy.
type MeasureDefinition struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Version string `json:"version"`
	About   string `json:"about"`
	// Entry is how a score is entered: item by item, or as totals.
	Entry   MeasureEntry    `json:"entry"`
	Options []MeasureOption `json:"options"`
	Items   []MeasureItem   `json:"items"`
	// MaxMissing is how many items may be left unanswered and the scale still scored,
	// pro-rated from the answered ones.
	MaxMissing int `json:"max_missing"`
	// Scales are what is scored: the first is the measure's total, the one charted,
	// banded and compared; the rest are its subscales.
	Scales         []MeasureScale `json:"scales"`
	Better         Direction      `json:"better"`
	ClinicalCutOff *float64       `json:"clinical_cut_off"`
	Bands          []MeasureBand  `json:"bands"`
	// ReliableChange is the smallest change of the total that is more than
	// measurement error; 0 when the measure has no such figure here.
	ReliableChange float64         `json:"reliable_change"`
	Points         []TimePoint     `json:"points"` // the time points it is routinely taken at
	WordingLocal   bool            `json:"wording_local"`
	TrustLicence   bool            `json:"trust_licence"` // each trust must hold the licence
	Licence        string          `json:"licence"`
	Copyright      string          `json:"copyright"`
	Sources        []MeasureSource `json:"sources"`
}

// MeasureEntry is how a measure's score is entered.
type MeasureEntry string

// The ways of entry.
const (
	EntryItems  MeasureEntry = "items"  // each item's response; the app scores them
	EntryTotals MeasureEntry = "totals" // each scale's total, as scored elsewhere
)

// Direction says which way a measure's total is better.
type Direction string

// The directions.
const (
	LowerIsBetter  Direction = "lower"
	HigherIsBetter Direction = "higher"
)

// MeasureOption is one response an item takes.
type MeasureOption struct {
	Value int    `json:"value"`
	Label string `json:"label"`
}

// MeasureItem is one item; Subscale names the scale it also counts towards.
type MeasureItem struct {
	Number   int    `json:"number"`
	Wording  string `json:"wording"`
	Subscale string `json:"subscale"`
}

// MeasureScale is a total or a subscale and the range its score takes.
type MeasureScale struct {
	ID   string  `json:"id"`
	Name string  `json:"name"`
	Min  float64 `json:"min"`
	Max  float64 `json:"max"`
}

// MeasureBand names the totals from From to To, both included.
type MeasureBand struct {
	From float64 `json:"from"`
	To   float64 `json:"to"`
	Name string  `json:"name"`
}

// MeasureSource is where a figure of a definition comes from, and whether it has been
// checked against that source.
type MeasureSource struct {
	Figure    string `json:"figure"`
	Cite      string `json:"cite"`
	Confirmed bool   `json:"confirmed"`
}

//go:embed measures/*.json
var measureFiles embed.FS

// measures are the shipped definitions, read once; a file that does not parse is a
// defect of the build, caught by the tests, so it is left out rather than panicking.
var measures = func() []MeasureDefinition {
	names, _ := measureFiles.ReadDir("measures")
	var out []MeasureDefinition
	for _, n := range names {
		b, err := measureFiles.ReadFile(path.Join("measures", n.Name()))
		if err != nil {
			continue
		}
		if d, err := ParseMeasureDefinition(b); err == nil {
			out = append(out, d)
		}
	}
	order := []string{"core-10", "wai-sr", "swemwbs", "honos-secure"}
	slices.SortFunc(out, func(a, b MeasureDefinition) int {
		return slices.Index(order, a.ID) - slices.Index(order, b.ID)
	})
	return out
}()

// Measures are the measures the app ships, CORE-10 first.
func Measures() []MeasureDefinition { return slices.Clone(measures) }

// MeasureByID is the shipped measure id; false when there is none.
func MeasureByID(id string) (MeasureDefinition, bool) {
	for _, d := range measures {
		if d.ID == id {
			return d, true
		}
	}
	return MeasureDefinition{}, false
}

// Total is the measure's main scale.
func (d MeasureDefinition) Total() MeasureScale {
	if len(d.Scales) == 0 {
		return MeasureScale{}
	}
	return d.Scales[0]
}

// ParseMeasureDefinition reads a definition file and refuses one that could not be
// scored as it says, in one sentence naming what is wrong.
func ParseMeasureDefinition(b []byte) (MeasureDefinition, error) {
	var d MeasureDefinition
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return MeasureDefinition{}, fmt.Errorf("the measure definition is not valid JSON of a measure: %v", err)
	}
	if dec.More() {
		return MeasureDefinition{}, fmt.Errorf("the measure definition has more after its one object")
	}
	if err := d.check(); err != nil {
		return MeasureDefinition{}, fmt.Errorf("measure %q: %w", d.ID, err)
	}
	return d, nil
}

// check holds a definition to what scoring needs.
func (d MeasureDefinition) check() error {
	switch {
	case strings.TrimSpace(d.ID) == "" || strings.TrimSpace(d.Name) == "":
		return fmt.Errorf("it needs an id and a name")
	case d.Better != LowerIsBetter && d.Better != HigherIsBetter:
		return fmt.Errorf("better must be lower or higher, not %q", d.Better)
	case len(d.Scales) == 0 || d.Scales[0].ID != "total":
		return fmt.Errorf("its first scale must be the total")
	case strings.TrimSpace(d.Licence) == "" || strings.TrimSpace(d.Copyright) == "":
		return fmt.Errorf("it needs its licence and the copyright line to show")
	case d.ReliableChange < 0:
		return fmt.Errorf("reliable change cannot be negative")
	}
	for _, p := range d.Points {
		if !slices.Contains(TimePoints, p) {
			return fmt.Errorf("%q is not a time point", p)
		}
	}
	switch d.Entry {
	case EntryItems:
		if err := d.checkItems(); err != nil {
			return err
		}
	case EntryTotals:
		if len(d.Items) > 0 || len(d.Options) > 0 {
			return fmt.Errorf("a measure entered as totals has no items or responses")
		}
	default:
		return fmt.Errorf("entry must be items or totals, not %q", d.Entry)
	}
	return d.checkScales()
}
