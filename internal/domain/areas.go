package domain

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"caseload/internal/ident"
)

// AreaKind is what sort of local authority an area is.
type AreaKind string

// The kinds of local authority the service's area is made of.
const (
	// AreaDistrict is a district under a county council (Lancashire County Council,
	// E10000017, or the former Cumbria County Council).
	AreaDistrict AreaKind = "district"
	// AreaUnitary is a unitary authority.
	AreaUnitary AreaKind = "unitary"
)

// The counties the service covers.
const (
	CountyLancashire = "Lancashire"
	CountyCumbria    = "Cumbria"
)

// Area is a local authority a person may resettle in (docs/RULES.md, "Resettlement
// area"), or one that was abolished and is now part of one: older documents still name
// those.
type Area struct {
	Name   string // as the council writes it, e.g. "Blackburn with Darwen"
	GSS    string // the Government Statistical Service code, e.g. "E07000123"
	Kind   AreaKind
	County string // CountyLancashire or CountyCumbria
	// From is the day the authority came into being, where that is recent enough to
	// matter; zero for the long-standing ones.
	From ident.Date
	// Until is the day an abolished authority ceased to exist; zero while it exists.
	Until ident.Date
	// SucceededBy names the authority an abolished one became part of; "" while it exists.
	SucceededBy string
}

// Current reports whether the authority still exists.
func (a Area) Current() bool { return a.SucceededBy == "" }

// Successor is the authority an abolished one became part of; false for a current one.
func (a Area) Successor() (Area, bool) {
	if a.Current() {
		return Area{}, false
	}
	return FindArea(a.SucceededBy)
}

// cumbriaReorganised is when the six Cumbrian districts and the county council were
// replaced by two unitaries.
var cumbriaReorganised = ident.Date{Year: 2023, Month: 4, Day: 1}

// areas is the service's geography as data (docs/RULES.md, "Resettlement area"), current
// authorities first in the order the service lists them. Lancashire may itself be
// reorganised (unverified): a change goes here, with dates, and nothing else moves; the
// gazetteer's towns name the current authority.
var areas = []Area{
	{Name: "Burnley", GSS: "E07000117", Kind: AreaDistrict, County: CountyLancashire},
	{Name: "Chorley", GSS: "E07000118", Kind: AreaDistrict, County: CountyLancashire},
	{Name: "Fylde", GSS: "E07000119", Kind: AreaDistrict, County: CountyLancashire},
	{Name: "Hyndburn", GSS: "E07000120", Kind: AreaDistrict, County: CountyLancashire},
	{Name: "Lancaster", GSS: "E07000121", Kind: AreaDistrict, County: CountyLancashire},
	{Name: "Pendle", GSS: "E07000122", Kind: AreaDistrict, County: CountyLancashire},
	{Name: "Preston", GSS: "E07000123", Kind: AreaDistrict, County: CountyLancashire},
	{Name: "Ribble Valley", GSS: "E07000124", Kind: AreaDistrict, County: CountyLancashire},
	{Name: "Rossendale", GSS: "E07000125", Kind: AreaDistrict, County: CountyLancashire},
	{Name: "South Ribble", GSS: "E07000126", Kind: AreaDistrict, County: CountyLancashire},
	{Name: "West Lancashire", GSS: "E07000127", Kind: AreaDistrict, County: CountyLancashire},
	{Name: "Wyre", GSS: "E07000128", Kind: AreaDistrict, County: CountyLancashire},
	{Name: "Blackburn with Darwen", GSS: "E06000008", Kind: AreaUnitary, County: CountyLancashire},
	{Name: "Blackpool", GSS: "E06000009", Kind: AreaUnitary, County: CountyLancashire},
	{Name: "Cumberland", GSS: "E06000063", Kind: AreaUnitary, County: CountyCumbria, From: cumbriaReorganised},
	{Name: "Westmorland and Furness", GSS: "E06000064", Kind: AreaUnitary, County: CountyCumbria, From: cumbriaReorganised},

	// Abolished on 2023-04-01.
	{Name: "Allerdale", GSS: "E07000026", Kind: AreaDistrict, County: CountyCumbria, Until: cumbriaReorganised, SucceededBy: "Cumberland"},
	{Name: "Barrow-in-Furness", GSS: "E07000027", Kind: AreaDistrict, County: CountyCumbria, Until: cumbriaReorganised, SucceededBy: "Westmorland and Furness"},
	{Name: "Carlisle", GSS: "E07000028", Kind: AreaDistrict, County: CountyCumbria, Until: cumbriaReorganised, SucceededBy: "Cumberland"},
	{Name: "Copeland", GSS: "E07000029", Kind: AreaDistrict, County: CountyCumbria, Until: cumbriaReorganised, SucceededBy: "Cumberland"},
	{Name: "Eden", GSS: "E07000030", Kind: AreaDistrict, County: CountyCumbria, Until: cumbriaReorganised, SucceededBy: "Westmorland and Furness"},
	{Name: "South Lakeland", GSS: "E07000031", Kind: AreaDistrict, County: CountyCumbria, Until: cumbriaReorganised, SucceededBy: "Westmorland and Furness"},
}

// areaKeys holds each authority's name as compared (areaKey), in the order of areas:
// derived once, since every checklist looks an area up.
var areaKeys = func() []string {
	keys := make([]string, len(areas))
	for i, a := range areas {
		keys[i] = areaKey(a.Name)
	}
	return keys
}()

// Areas lists every authority the service knows, current ones first, then the abolished
// ones. The slice is a copy.
func Areas() []Area { return slices.Clone(areas) }

// AreaNames lists the current authorities' names in alphabetical order, for a form to
// offer.
func AreaNames() []string {
	var names []string
	for _, a := range areas {
		if a.Current() {
			names = append(names, a.Name)
		}
	}
	slices.Sort(names)
	return names
}

// FindArea finds an authority by name, current or abolished. It ignores case, the
// spaces around and between words, hyphens and other punctuation, and "&" for "and", so
// "blackburn with darwen", "Westmorland & Furness" and "Barrow in Furness" are all found.
func FindArea(name string) (Area, bool) {
	key := areaKey(name)
	if key == "" {
		return Area{}, false
	}
	if i := slices.Index(areaKeys, key); i >= 0 {
		return areas[i], true
	}
	return Area{}, false
}

// CountyNamed reports whether name is one of the two counties rather than an authority
// in one, and which: a person resettling "in Lancashire" is in the area, but which
// authority is not yet known.
func CountyNamed(name string) (string, bool) {
	switch areaKey(name) {
	case "lancashire":
		return CountyLancashire, true
	case "cumbria":
		return CountyCumbria, true
	}
	return "", false
}

// SuggestArea returns the known authority a mistyped name most likely means, for a "did
// you mean": one whose name the input starts (at least four letters, and only one such
// name), or contains as whole words (only one such name), or is within a few typing
// mistakes of: at most 1 for names under 6 letters, 2 up to 11, 3 beyond, where a
// mistake is one letter added, dropped, changed, or two neighbours swapped. Anything
// further is a different place (Manchester is 3 from Lancaster), and no suggestion is
// better than a wrong one. A name FindArea knows gives its own proper spelling.
func SuggestArea(name string) (string, bool) {
	key := areaKey(name)
	if key == "" {
		return "", false
	}
	if i := slices.Index(areaKeys, key); i >= 0 {
		return areas[i].Name, true
	}
	if a, ok := onlyArea(func(k string) bool { return utf8.RuneCountInString(key) >= 4 && strings.HasPrefix(k, key) }); ok {
		return a.Name, true
	}
	if a, ok := onlyArea(func(k string) bool { return strings.Contains(" "+key+" ", " "+k+" ") }); ok {
		return a.Name, true
	}
	best, bestDist := "", -1
	in := []rune(key)
	for i, a := range areas {
		k := []rune(areaKeys[i])
		d := typingDistance(in, k)
		if d > typosAllowed(min(len(in), len(k))) {
			continue
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = a.Name, d
		}
	}
	return best, bestDist >= 0
}

// onlyArea is the one authority whose key satisfies match; false for none or several.
func onlyArea(match func(key string) bool) (Area, bool) {
	var found []Area
	for i, a := range areas {
		if match(areaKeys[i]) {
			found = append(found, a)
		}
	}
	if len(found) != 1 {
		return Area{}, false
	}
	return found[0], true
}

// typosAllowed is how many mistakes a name of n letters may carry and still be
// recognised: short names have few letters to spare.
func typosAllowed(n int) int {
	switch {
	case n < 6:
		return 1
	case n <= 11:
		return 2
	}
	return 3
}

// areaKey is the form names are compared in: lower case, "&" as "and", every run of
// anything but letters and digits (spaces, hyphens, full stops, commas) as one space.
func areaKey(name string) string {
	name = strings.ReplaceAll(strings.ToLower(name), "&", " and ")
	return strings.Join(strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// typingDistance is the optimal string alignment distance between a and b: the fewest
// letters added, dropped or changed, or neighbouring pairs swapped, to turn one into the
// other, each letter edited at most once.
func typingDistance(a, b []rune) int {
	// Three rows of the dynamic-programming table: the swap looks two rows back.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
