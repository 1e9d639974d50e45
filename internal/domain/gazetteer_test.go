package domain

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// Every name issue 11 found wrongly failed, and each kind of name the gazetteer holds,
// with the authority it must read as and whether that is inside the service's area.
func TestResolvePlace(t *testing.T) {
	tests := []struct {
		in, name, authority string
		kind                PlaceKind
		inside              bool
	}{
		// Towns the issue names.
		{"Blackburn", "Blackburn", "Blackburn with Darwen", PlaceTown, true},
		{"Darwen", "Darwen", "Blackburn with Darwen", PlaceTown, true},
		{"Kendal", "Kendal", "Westmorland and Furness", PlaceTown, true},
		{"Morecambe", "Morecambe", "Lancaster", PlaceTown, true},
		{"Accrington", "Accrington", "Hyndburn", PlaceTown, true},
		{"Workington", "Workington", "Cumberland", PlaceTown, true},
		{"Penrith", "Penrith", "Westmorland and Furness", PlaceTown, true},
		{"Skelmersdale", "Skelmersdale", "West Lancashire", PlaceTown, true},
		// Barrow's neighbours.
		{"Ulverston", "Ulverston", "Westmorland and Furness", PlaceTown, true},
		{"Dalton-in-Furness", "Dalton-in-Furness", "Westmorland and Furness", PlaceTown, true},
		{"Askam in Furness", "Askam-in-Furness", "Westmorland and Furness", PlaceTown, true},
		{"Millom", "Millom", "Cumberland", PlaceTown, true},
		{"Barrow", "Barrow", "Westmorland and Furness", PlaceTown, true},
		// More towns.
		{"Whitehaven", "Whitehaven", "Cumberland", PlaceTown, true},
		{"Lytham St. Anne's", "Lytham St Annes", "Fylde", PlaceTown, true},
		{"Fleetwood", "Fleetwood", "Wyre", PlaceTown, true},
		{"Leyland", "Leyland", "South Ribble", PlaceTown, true},
		{"Nelson", "Nelson", "Pendle", PlaceTown, true},
		{"Clitheroe", "Clitheroe", "Ribble Valley", PlaceTown, true},
		// Former districts.
		{"Barrow-in-Furness", "Barrow-in-Furness", "Westmorland and Furness", PlaceFormer, true},
		{"Eden", "Eden", "Westmorland and Furness", PlaceFormer, true},
		{"South Lakeland", "South Lakeland", "Westmorland and Furness", PlaceFormer, true},
		{"Allerdale", "Allerdale", "Cumberland", PlaceFormer, true},
		{"Copeland", "Copeland", "Cumberland", PlaceFormer, true},
		{"Carlisle", "Carlisle", "Cumberland", PlaceFormer, true},
		// Council names, written out or folded.
		{"Blackpool Council", "Blackpool Council", "Blackpool", PlaceCouncil, true},
		{"Cumberland Council", "Cumberland Council", "Cumberland", PlaceCouncil, true},
		{"Lancashire County Council", "Lancashire County Council", "Lancashire", PlaceCouncil, true},
		{"Borough of Pendle", "Pendle", "Pendle", PlaceAuthority, true},
		{"Chorley Borough Council", "Chorley", "Chorley", PlaceAuthority, true},
		{"City of Bradford Metropolitan District Council", "Bradford", "Bradford", PlaceAuthority, false},
		{"City of London", "City of London", "City of London", PlaceAuthority, false},
		// A trailing county.
		{"Preston, Lancashire", "Preston", "Preston", PlaceAuthority, true},
		{"Kendal, Cumbria", "Kendal", "Westmorland and Furness", PlaceTown, true},
		{"Morecambe, Lancs", "Morecambe", "Lancaster", PlaceTown, true},
		{"West Lancashire", "West Lancashire", "West Lancashire", PlaceAuthority, true},
		// Abbreviations and misspellings.
		{"Lancs", "Lancs", "Lancashire", PlaceAlias, true},
		{"Westmorland", "Westmorland", "Westmorland and Furness", PlaceAlias, true},
		{"Westmoreland and Furness", "Westmoreland and Furness", "Westmorland and Furness", PlaceAlias, true},
		{"WESTMORELAND & FURNESS", "Westmoreland and Furness", "Westmorland and Furness", PlaceAlias, true},
		{"Furness", "Furness", "Westmorland and Furness", PlaceAlias, true},
		{"South Cumbria", "South Cumbria", "Westmorland and Furness", PlaceAlias, true},
		// Counties.
		{"lancashire", "Lancashire", "Lancashire", PlaceCounty, true},
		{"Cumbria", "Cumbria", "Cumbria", PlaceCounty, true},
		// Elsewhere.
		{"Leeds", "Leeds", "Leeds", PlaceAuthority, false},
		{"Manchester City Council", "Manchester", "Manchester", PlaceAuthority, false},
		{"Skipton", "", "", "", false},
		{"Craven", "Craven", "North Yorkshire", PlaceFormer, false},
		{"Cardiff", "Cardiff", "Cardiff", PlaceAuthority, false},
		{"Hull", "Hull", "Kingston upon Hull", PlaceAlias, false},
		{"Kent", "Kent", "Kent", PlaceCounty, false},
		{"Scotland", "Scotland", "Scotland", PlaceRegion, false},
		// Not known.
		{"Prestn", "", "", "", false},
		{"", "", "", "", false},
		{"Council", "", "", "", false},
		{", Lancashire", "Lancashire", "Lancashire", PlaceCounty, true},
	}
	for _, tt := range tests {
		p, ok := ResolvePlace(tt.in)
		if ok != (tt.name != "") || p.Name != tt.name || p.Authority != tt.authority || p.Kind != tt.kind || p.Inside != tt.inside {
			t.Errorf("ResolvePlace(%q) = %+v, %v; want %s in %s (%s, inside %v)", tt.in, p, ok, tt.name, tt.authority, tt.kind, tt.inside)
		}
		if got := ResettlementAuthority(tt.in); got != tt.authority {
			t.Errorf("ResettlementAuthority(%q) = %q, want %q", tt.in, got, tt.authority)
		}
	}
}

// The examples as the checklist reads them.
func TestResettlementRuleReadsPlaces(t *testing.T) {
	set := func(area string) func(*Referral) {
		return func(r *Referral) { r.ResettlementArea, r.ApprovedPremises = area, No }
	}
	checkRule(t, RuleResettlement, []ruleCase{
		{"town", set("Kendal"), Pass, "Resettling in Kendal: Westmorland and Furness (Cumbria)."},
		{"town in a unitary", set("Darwen"), Pass, "Resettling in Darwen: Blackburn with Darwen (Lancashire)."},
		{"council name", set("Blackpool Council"), Pass, "Resettling in Blackpool Council: Blackpool (Lancashire)."},
		{"council name folded", set("Cumberland Council"), Pass, "Resettling in Cumberland Council: Cumberland (Cumbria)."},
		{"county suffix", set("Preston, Lancashire"), Pass, "Resettling in Preston, Lancashire: Preston (Lancashire)."},
		{"misspelling", set("Westmoreland and Furness"), Pass, "Resettling in Westmoreland and Furness: Westmorland and Furness (Cumbria)."},
		{"abbreviation", set("Furness"), Pass, "Resettling in Furness: Westmorland and Furness (Cumbria)."},
		{"South Cumbria", set("South Cumbria"), Pass, "Resettling in South Cumbria: Westmorland and Furness (Cumbria)."},
		{"county abbreviated", set("Lancs"), Unknown, "Resettlement area Lancs (Lancashire) is a county; record the local authority, e.g. Preston or Blackpool."},
		{"county council", set("Lancashire County Council"), Unknown,
			"Resettlement area Lancashire County Council (Lancashire) is a county; record the local authority, e.g. Preston or Blackpool."},
		{"elsewhere", set("Leeds"), Fail, "Resettlement area Leeds is outside Lancashire and Cumbria."},
		{"elsewhere, through a former district", set("Harrogate"), Fail, "Resettlement area Harrogate is in North Yorkshire, outside Lancashire and Cumbria."},
		{"elsewhere, a council", set("Leeds City Council"), Fail, "Resettlement area Leeds City Council is in Leeds, outside Lancashire and Cumbria."},
		{"unknown near a place", set("Kendall"), Unknown, "Resettlement area Kendall is not a place the service knows: check the area. Nearest known: Kendal."},
		{"unknown near nothing", set("Zzyzx"), Unknown, "Resettlement area Zzyzx is not a place the service knows: check the area."},
	})
	// Not one of the wrongly failed names fails or stays unread.
	for _, in := range []string{"Blackburn", "Darwen", "Kendal", "Morecambe", "Accrington", "Workington", "Penrith",
		"Skelmersdale", "Ulverston", "Dalton-in-Furness", "Blackpool Council", "Cumberland Council", "Preston, Lancashire",
		"Westmorland", "Furness", "South Cumbria", "Westmoreland and Furness"} {
		r := CheckEligibility(Referral{ResettlementArea: in}, londonTime(2027, 1, 1, 9, 0))
		if rule, _ := r.Rule(RuleResettlement); rule.Result != Pass || !strings.HasPrefix(rule.Reason, "Resettling in "+in) {
			t.Errorf("%s: %s %q", in, rule.Result, rule.Reason)
		}
	}
}

func TestNearestPlaces(t *testing.T) {
	tests := []struct {
		in   string
		want string // joined with "|"
	}{
		{"Prestn", "Preston"},
		{"Kendall", "Kendal"},
		{"Morcambe", "Morecambe"},
		{"Acrington", "Accrington|Farington|Warrington"}, // nearest first, inside first among equals
		{"Kendal town centre", "Kendal"},
		{"Ulverstone", "Ulverston"},
		{"Zzyzx", ""},
		{"", ""},
	}
	for _, tt := range tests {
		for range 2 { // the second answer is the one kept
			if got := strings.Join(NearestPlaces(tt.in), "|"); got != tt.want {
				t.Errorf("NearestPlaces(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
	}
	// A caller changing its answer changes no one else's.
	NearestPlaces("Kendall")[0] = "Manchester"
	if got := NearestPlaces("Kendall"); len(got) != 1 || got[0] != "Kendal" {
		t.Errorf("the kept answer was changed: %v", got)
	}
}

// The gazetteer holds every authority of England and Wales (296 + 22 after April 2023)
// and at least 100 towns and villages of Lancashire and Cumbria.
func TestGazetteerCoverage(t *testing.T) {
	authorities, towns := 0, 0
	for _, p := range Places() {
		if p.Kind == PlaceAuthority {
			authorities++
		}
		if p.Kind == PlaceTown && p.Inside {
			towns++
		}
		if p.Inside && p.County != CountyLancashire && p.County != CountyCumbria {
			t.Errorf("%+v: inside but in no county", p)
		}
	}
	if authorities != 318 {
		t.Errorf("%d authorities, want the 318 of England and Wales", authorities)
	}
	if towns < 100 {
		t.Errorf("%d towns in Lancashire and Cumbria, want at least 100", towns)
	}
}

func TestGazetteerRefusesBadData(t *testing.T) {
	for name, csv := range map[string]string{
		"unknown authority":  "place,authority,kind\nKendal,Westmorland,town\n",
		"two authorities":    "place,authority,kind\nKendal,Westmorland and Furness,town\nKendal,Cumberland,town\n",
		"unknown kind":       "place,authority,kind\nKendal,Westmorland and Furness,hamlet\n",
		"missing authority":  "place,authority,kind\nKendal,,town\n",
		"too few columns":    "place,authority,kind\nKendal,town\n",
		"authority in areas": "place,authority,kind\nPreston,Lancaster,town\n",
	} {
		files := fstest.MapFS{"gazetteer/x.csv": {Data: []byte(csv)}}
		if _, err := loadGazetteer(files); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}

// FuzzResolvePlace: any text reads as a known place or not, without panicking, and a
// known place's authority is itself known and agrees about being inside.
func FuzzResolvePlace(f *testing.F) {
	for _, s := range []string{"Kendal", "Preston, Lancashire", "City of London", "Council", ", Cumbria", "St Anne's", "Łódź", "\x00", " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := ResolvePlace(s)
		if !ok {
			for _, n := range NearestPlaces(s) {
				if _, ok := ResolvePlace(n); !ok {
					t.Fatalf("%q: suggested %q, which is not known", s, n)
				}
			}
			return
		}
		a, ok := ResolvePlace(p.Authority)
		if !ok || a.Authority != p.Authority || a.Inside != p.Inside {
			t.Fatalf("%q read as %+v, whose authority reads as %+v", s, p, a)
		}
		if !utf8.ValidString(p.Name) {
			t.Fatalf("%q: name %q", s, p.Name)
		}
	})
}
