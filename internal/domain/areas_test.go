package domain

import (
	"regexp"
	"slices"
	"testing"
)

// The authorities of docs/RULES.md ("Resettlement area"), written out again so the data
// is checked against the reference rather than against itself.
var wantAreas = []struct {
	name, gss, county string
	kind              AreaKind
	from              string
}{
	{"Burnley", "E07000117", "Lancashire", AreaDistrict, ""},
	{"Chorley", "E07000118", "Lancashire", AreaDistrict, ""},
	{"Fylde", "E07000119", "Lancashire", AreaDistrict, ""},
	{"Hyndburn", "E07000120", "Lancashire", AreaDistrict, ""},
	{"Lancaster", "E07000121", "Lancashire", AreaDistrict, ""},
	{"Pendle", "E07000122", "Lancashire", AreaDistrict, ""},
	{"Preston", "E07000123", "Lancashire", AreaDistrict, ""},
	{"Ribble Valley", "E07000124", "Lancashire", AreaDistrict, ""},
	{"Rossendale", "E07000125", "Lancashire", AreaDistrict, ""},
	{"South Ribble", "E07000126", "Lancashire", AreaDistrict, ""},
	{"West Lancashire", "E07000127", "Lancashire", AreaDistrict, ""},
	{"Wyre", "E07000128", "Lancashire", AreaDistrict, ""},
	{"Blackburn with Darwen", "E06000008", "Lancashire", AreaUnitary, ""},
	{"Blackpool", "E06000009", "Lancashire", AreaUnitary, ""},
	{"Cumberland", "E06000063", "Cumbria", AreaUnitary, "2023-04-01"},
	{"Westmorland and Furness", "E06000064", "Cumbria", AreaUnitary, "2023-04-01"},
}

var wantFormer = []struct{ name, gss, successor string }{
	{"Allerdale", "E07000026", "Cumberland"},
	{"Barrow-in-Furness", "E07000027", "Westmorland and Furness"},
	{"Carlisle", "E07000028", "Cumberland"},
	{"Copeland", "E07000029", "Cumberland"},
	{"Eden", "E07000030", "Westmorland and Furness"},
	{"South Lakeland", "E07000031", "Westmorland and Furness"},
}

func TestAreasMatchTheReference(t *testing.T) {
	for _, w := range wantAreas {
		a, ok := FindArea(w.name)
		if !ok {
			t.Errorf("%s not found", w.name)
			continue
		}
		if a.Name != w.name || a.GSS != w.gss || a.County != w.county || a.Kind != w.kind || a.From.String() != w.from ||
			!a.Current() || !a.Until.IsZero() {
			t.Errorf("%s: %+v", w.name, a)
		}
		if _, ok := a.Successor(); ok {
			t.Errorf("%s has a successor", w.name)
		}
	}
	for _, w := range wantFormer {
		a, ok := FindArea(w.name)
		if !ok {
			t.Errorf("former %s not found", w.name)
			continue
		}
		if a.Name != w.name || a.GSS != w.gss || a.County != CountyCumbria || a.Kind != AreaDistrict ||
			a.Current() || a.Until.String() != "2023-04-01" {
			t.Errorf("former %s: %+v", w.name, a)
		}
		s, ok := a.Successor()
		if !ok || s.Name != w.successor || !s.Current() {
			t.Errorf("%s became %+v, want %s", w.name, s, w.successor)
		}
	}
	if got, want := len(Areas()), len(wantAreas)+len(wantFormer); got != want {
		t.Errorf("%d areas, want %d", got, want)
	}
	gss := regexp.MustCompile(`^E0[67]\d{6}$`)
	seen := map[string]bool{}
	for _, a := range Areas() {
		if !gss.MatchString(a.GSS) || seen[a.GSS] || seen[a.Name] {
			t.Errorf("bad or repeated GSS code or name: %+v", a)
		}
		seen[a.GSS], seen[a.Name] = true, true
	}
}

func TestAreasIsACopy(t *testing.T) {
	Areas()[0].Name = "Manchester"
	if _, ok := FindArea("Manchester"); ok {
		t.Fatal("changing the slice Areas returned changed the service's geography")
	}
}

func TestAreaNames(t *testing.T) {
	names := AreaNames()
	if len(names) != len(wantAreas) || !slices.IsSorted(names) {
		t.Fatalf("AreaNames() = %v", names)
	}
	for _, w := range wantAreas {
		if !slices.Contains(names, w.name) {
			t.Errorf("%s missing", w.name)
		}
	}
	for _, w := range wantFormer {
		if slices.Contains(names, w.name) {
			t.Errorf("abolished %s offered", w.name)
		}
	}
}

func TestFindAreaForgivesHowItIsWritten(t *testing.T) {
	tests := []struct{ in, want string }{
		{"blackburn with darwen", "Blackburn with Darwen"},
		{"BLACKBURN WITH DARWEN", "Blackburn with Darwen"},
		{"Blackburn-with-Darwen", "Blackburn with Darwen"},
		{"Westmorland & Furness", "Westmorland and Furness"},
		{"westmorland&furness", "Westmorland and Furness"},
		{"  Westmorland   and\tFurness ", "Westmorland and Furness"},
		{"Barrow in Furness", "Barrow-in-Furness"},
		{"barrow-in-furness", "Barrow-in-Furness"},
		{" Preston ", "Preston"},
		{"south-ribble", "South Ribble"},
		{"West Lancashire.", "West Lancashire"},
	}
	for _, tt := range tests {
		a, ok := FindArea(tt.in)
		if !ok || a.Name != tt.want {
			t.Errorf("FindArea(%q) = %q, %v; want %q", tt.in, a.Name, ok, tt.want)
		}
	}
	for _, in := range []string{"", "   ", "-", "&", "Manchester", "Lancashire", "Cumbria", "Prestonn", "Blackburn", "Darwen"} {
		if a, ok := FindArea(in); ok {
			t.Errorf("FindArea(%q) found %s", in, a.Name)
		}
	}
}

func TestCountyNamed(t *testing.T) {
	for in, want := range map[string]string{"Lancashire": CountyLancashire, " lancashire ": CountyLancashire, "CUMBRIA": CountyCumbria} {
		if got, ok := CountyNamed(in); !ok || got != want {
			t.Errorf("CountyNamed(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "Preston", "West Lancashire", "Cumberland", "Greater Manchester"} {
		if got, ok := CountyNamed(in); ok {
			t.Errorf("CountyNamed(%q) = %q", in, got)
		}
	}
}

func TestSuggestArea(t *testing.T) {
	tests := []struct {
		in, want string // want "" for no suggestion
	}{
		// One slip of the keyboard.
		{"Prestn", "Preston"},
		{"Lancster", "Lancaster"},
		{"Blackpol", "Blackpool"},
		{"Pendel", "Pendle"},
		{"Burnly", "Burnley"},
		{"Wyr", "Wyre"},
		{"Edenn", "Eden"},
		{"Carlise", "Carlisle"},
		// Two in a longer name, three in a long one.
		{"Rosendal", "Rossendale"},
		{"Blakburn wiht Darwin", "Blackburn with Darwen"},
		{"Westmoreland and Furness", "Westmorland and Furness"},
		{"Westmoreland & Furnes", "Westmorland and Furness"},
		{"Blackburn with Darwin", "Blackburn with Darwen"},
		{"Ribel Valley", "Ribble Valley"},
		{"Rosendail", ""}, // three slips in ten letters is another word
		// The start of one name only.
		{"Barrow", "Barrow-in-Furness"},
		{"Blackburn", "Blackburn with Darwen"},
		{"Ribb", "Ribble Valley"},
		{"Westm", "Westmorland and Furness"},
		// A name with more around it.
		{"Preston, Lancashire", "Preston"},
		{"Lancaster and Morecambe", "Lancaster"},
		// A known name gives its own spelling.
		{"preston", "Preston"},
		{"carlisle", "Carlisle"},
		// Different places: no suggestion is better than a wrong one.
		{"Manchester", ""},
		{"Leeds", ""},
		{"Liverpool", ""},
		{"Lancashire", ""},
		{"Cumbria", ""},
		{"Kendal", ""},
		{"Bolton", ""},
		{"Wigan", ""},
		{"Leyland", ""},
		{"", ""},
		{"  ", ""},
		// The start of several names, or too short a start.
		{"Black", ""},
		{"West", ""},
		{"South", ""},
		{"Pre", ""},
		{"Preston and South Ribble", ""},
	}
	for _, tt := range tests {
		got, ok := SuggestArea(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("SuggestArea(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestTypingDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "wyre", 4},
		{"preston", "preston", 0},
		{"prestn", "preston", 1},
		{"perston", "preston", 1}, // a swap is one mistake
		{"pendel", "pendle", 1},
		{"manchester", "lancaster", 3},
		{"ca", "abc", 3}, // optimal string alignment edits each letter once
		{"łódź", "lodz", 3},
	}
	for _, tt := range tests {
		if got := typingDistance([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("typingDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := typingDistance([]rune(tt.b), []rune(tt.a)); got != tt.want {
			t.Errorf("typingDistance(%q, %q) = %d, want %d (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}
