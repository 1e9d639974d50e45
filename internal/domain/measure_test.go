package domain

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every definition file shipped parses; a broken one would silently drop a measure.
func TestEveryShippedMeasureParses(t *testing.T) {
	files, err := filepath.Glob("measures/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no definitions: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseMeasureDefinition(b); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if got := len(Measures()); got != len(files) {
		t.Errorf("Measures() has %d, want %d (one a file)", got, len(files))
	}
	want := []string{"core-10", "wai-sr", "swemwbs", "honos-secure"}
	for i, d := range Measures() {
		if d.ID != want[i] {
			t.Errorf("measure %d = %s, want %s", i, d.ID, want[i])
		}
	}
}

// CORE-10's figures are the ones the issue and the CORE System Trust give, and its
// licence line is the one the licence asks to be shown.
func TestCORE10Figures(t *testing.T) {
	d, ok := MeasureByID("core-10")
	if !ok {
		t.Fatal("no CORE-10")
	}
	if len(d.Items) != 10 || d.Total().Min != 0 || d.Total().Max != 40 || *d.ClinicalCutOff != 11 || d.ReliableChange != 6 {
		t.Errorf("CORE-10 = %d items, %g-%g, cut-off %g, reliable change %g", len(d.Items), d.Total().Min, d.Total().Max, *d.ClinicalCutOff, d.ReliableChange)
	}
	if d.Copyright != "© CORE System Trust: https://www.coresystemtrust.org.uk/copyright.pdf" {
		t.Errorf("copyright line = %q", d.Copyright)
	}
	for _, it := range d.Items {
		if it.Wording != "" {
			t.Errorf("item %d ships wording %q: not confirmed from a primary source", it.Number, it.Wording)
		}
	}
	for _, m := range []string{"swemwbs", "honos-secure"} {
		d, _ := MeasureByID(m)
		if d.Entry != EntryTotals || !d.TrustLicence || len(d.Items) != 0 {
			t.Errorf("%s must be totals only under the trust's licence", m)
		}
	}
}

func TestScoreItems(t *testing.T) {
	core, _ := MeasureByID("core-10")
	wai, _ := MeasureByID("wai-sr")
	m := MissingAnswer
	tests := []struct {
		name     string
		d        MeasureDefinition
		answers  []int
		want     map[string]float64
		prorated bool
		refused  string
	}{
		{"all answered is the sum", core, []int{1, 2, 3, 4, 0, 1, 2, 3, 4, 0}, map[string]float64{"total": 20}, false, ""},
		{"all zero", core, []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, map[string]float64{"total": 0}, false, ""},
		{"all four", core, []int{4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, map[string]float64{"total": 40}, false, ""},
		{"one missing is pro-rated: 17 over 9 items times 10", core, []int{1, 2, 3, 4, m, 1, 2, 3, 1, 0}, map[string]float64{"total": 18.9}, true, ""},
		{"two missing cannot be scored", core, []int{1, m, 3, 4, m, 1, 2, 3, 1, 0}, nil, false, "at most 1 item unanswered: 2 are"},
		{"a response out of range", core, []int{1, 2, 3, 5, 0, 1, 2, 3, 1, 0}, nil, false, "item 4 takes 0 to 4, not 5"},
		{"too few answers", core, []int{1, 2, 3}, nil, false, "has 10 items, not 3"},
		{"WAI-SR subscales", wai, []int{5, 5, 1, 2, 1, 2, 1, 2, 1, 5, 2, 5}, map[string]float64{"total": 32, "task": 20, "bond": 4, "goal": 8}, false, ""},
		{"WAI-SR needs every item", wai, []int{5, 5, 1, 2, 1, 2, 1, 2, 1, 5, 2, m}, nil, false, "only with every item answered: 1 item not answered"},
		{"WAI-SR has no 0", wai, []int{0, 5, 1, 2, 1, 2, 1, 2, 1, 5, 2, 5}, nil, false, "item 1 takes 1 to 5, not 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.d.ScoreItems(tt.answers)
			if tt.refused != "" {
				if err == nil || !errors.Is(err, ErrMeasure) || !strings.Contains(err.Error(), tt.refused) {
					t.Fatalf("err = %v, want one saying %q", err, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Prorated != tt.prorated || len(r.Scores) != len(tt.want) {
				t.Errorf("result %+v, want %v prorated %v", r, tt.want, tt.prorated)
			}
			for id, v := range tt.want {
				if got, ok := r.Of(id); !ok || got != v {
					t.Errorf("%s = %g, want %g", id, got, v)
				}
			}
		})
	}
}

func TestScoreTotals(t *testing.T) {
	honos, _ := MeasureByID("honos-secure")
	swem, _ := MeasureByID("swemwbs")
	core, _ := MeasureByID("core-10")
	tests := []struct {
		name    string
		d       MeasureDefinition
		values  map[string]float64
		refused string
	}{
		{"both scales", honos, map[string]float64{"total": 14, "security": 9}, ""},
		{"the security scale is optional", honos, map[string]float64{"total": 14}, ""},
		{"the total is not", honos, map[string]float64{"security": 9}, "give the clinical scale of HoNOS-secure"},
		{"over the range", honos, map[string]float64{"total": 49}, "a whole number from 0 to 48, not 49"},
		{"a fraction", swem, map[string]float64{"total": 20.5}, "not 20.5"},
		{"below the range", swem, map[string]float64{"total": 6}, "from 7 to 35, not 6"},
		{"a scale it has not", swem, map[string]float64{"total": 20, "mood": 3}, `has no scale "mood"`},
		{"CORE-10 is entered item by item", core, map[string]float64{"total": 20}, "entered item by item"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.d.ScoreTotals(tt.values)
			if tt.refused == "" {
				if err != nil || r.Total() != tt.values["total"] {
					t.Fatalf("ScoreTotals = %+v, %v", r, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.refused) {
				t.Fatalf("err = %v, want %q", err, tt.refused)
			}
		})
	}
}

func TestCORE10BandsAndClinicalRange(t *testing.T) {
	d, _ := MeasureByID("core-10")
	tests := []struct {
		v        float64
		band     string
		clinical bool
	}{
		{0, "healthy", false}, {5, "healthy", false}, {5.6, "healthy", false}, {6, "low level", false},
		{10, "low level", false}, {10.9, "low level", false}, {11, "mild", true}, {14, "mild", true},
		{15, "moderate", true}, {19, "moderate", true}, {20, "moderate-to-severe", true}, {24.4, "moderate-to-severe", true},
		{25, "severe", true}, {40, "severe", true}, {41, "", true},
	}
	for _, tt := range tests {
		if got := d.Band(tt.v); got != tt.band {
			t.Errorf("Band(%g) = %q, want %q", tt.v, got, tt.band)
		}
		if got := d.Clinical(tt.v); got != tt.clinical {
			t.Errorf("Clinical(%g) = %v, want %v", tt.v, got, tt.clinical)
		}
	}
}

func TestReliableChange(t *testing.T) {
	core, _ := MeasureByID("core-10")
	wai, _ := MeasureByID("wai-sr")
	tests := []struct {
		name                            string
		d                               MeasureDefinition
		from, to                        float64
		improved, worse, recovered, rel bool
		words                           string
	}{
		{"six points down is reliable", core, 24, 18, true, false, false, true, "reliably improved: 24 to 18, 6 points lower (6 or more is reliable)"},
		{"five points down is not", core, 24, 19, false, false, false, false, "no reliable change: 24 to 19, 5 points lower (6 or more is reliable)"},
		{"reliably worse", core, 12, 19, false, true, false, true, "reliably worse: 12 to 19, 7 points higher (6 or more is reliable)"},
		{"out of the clinical range", core, 16, 9, true, false, true, true, "reliably improved: 16 to 9, 7 points lower (6 or more is reliable), and out of the clinical range (cut-off 11)"},
		{"reliable but already below the cut-off is not recovery", core, 10, 3, true, false, false, true, "reliably improved: 10 to 3, 7 points lower (6 or more is reliable)"},
		{"no change", core, 20, 20, false, false, false, false, "no change: 20 to 20"},
		{"pro-rated", core, 18.9, 12.2, true, false, false, true, "reliably improved: 18.9 to 12.2, 6.7 points lower (6 or more is reliable)"},
		{"higher is better for the alliance, and it has no figure", wai, 30, 45, false, false, false, false, "30 to 45, 15 points higher: WAI-SR has no reliable change figure, so this is not judged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.d.Change(tt.from, tt.to)
			if c.Improved != tt.improved || c.Worse != tt.worse || c.Recovered != tt.recovered || c.Reliable != tt.rel {
				t.Errorf("Change(%g, %g) = %+v", tt.from, tt.to, c)
			}
			if c.Words != tt.words {
				t.Errorf("words = %q\nwant    %q", c.Words, tt.words)
			}
		})
	}
}

// A definition that could not be scored as it says is refused with what is wrong.
func TestParseMeasureDefinitionRefuses(t *testing.T) {
	good, err := os.ReadFile("measures/core-10.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, from, to, want string
	}{
		{"not JSON", `{`, `[`, "not valid JSON"},
		{"unknown field", `"about"`, `"abut"`, "not valid JSON"},
		{"direction", `"better": "lower"`, `"better": "down"`, "better must be lower or higher"},
		{"range not what the items score", `"max": 40`, `"max": 50`, "scale \"total\" runs 0 to 50, but its 10 items score 0 to 40"},
		{"a gap in the bands", `{"from": 6, "to": 10`, `{"from": 7, "to": 10`, "band 2 must be named and start at 6"},
		{"bands short of the maximum", `{"from": 25, "to": 40`, `{"from": 25, "to": 39`, "the bands must end at the total's maximum, 40"},
		{"cut-off outside", `"clinical_cut_off": 11`, `"clinical_cut_off": 41`, "clinical cut-off 41 is outside"},
		{"a time point", `"points": ["acceptance"`, `"points": ["arrival"`, `"arrival" is not a time point`},
		{"an item out of order", `{"number": 2}`, `{"number": 3}`, "item 2 is numbered 3"},
		{"no licence", `"licence": "CC BY-NC-ND 4.0: free to use in non-commercial software; the item wording may not be changed."`, `"licence": " "`, "needs its licence"},
		{"entry", `"entry": "items"`, `"entry": "both"`, "entry must be items or totals"},
		{"missing allowed for every item", `"max_missing": 1`, `"max_missing": 10`, "max_missing must leave"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := strings.Replace(string(good), tt.from, tt.to, 1)
			if b == string(good) {
				t.Fatalf("the test's edit %q did not apply", tt.from)
			}
			_, err := ParseMeasureDefinition([]byte(b))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// A definition from anywhere never panics the parser, and one it accepts scores every
// answer within its responses without refusing.
func FuzzParseMeasureDefinition(f *testing.F) {
	for _, n := range []string{"core-10", "wai-sr", "swemwbs", "honos-secure"} {
		b, err := os.ReadFile("measures/" + n + ".json")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"id":"x","name":"X","better":"lower","scales":[{"id":"total","min":0,"max":1e308}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseMeasureDefinition(b)
		if err != nil || d.Entry != EntryItems {
			return
		}
		answers := make([]int, len(d.Items))
		for i := range answers {
			answers[i] = d.Options[i%len(d.Options)].Value
		}
		if _, err := d.ScoreItems(answers); err != nil {
			t.Fatalf("an accepted definition refused answers within its responses: %v", err)
		}
	})
}
