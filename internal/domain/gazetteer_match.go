package domain

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// ResolvePlace reads a resettlement area as written against the gazetteer: case,
// punctuation, apostrophes, "&" for "and", a council's "Council", "Borough of", "City of"
// and the like, and a trailing ", Lancashire", ", Lancs" or ", Cumbria" are folded away.
// false when the name is not one the gazetteer knows. The rule is docs/RULES.md,
// "Resettlement area".
func ResolvePlace(name string) (Place, bool) {
	g := theGazetteer()
	key := placeKey(name)
	if key == "" {
		return Place{}, false
	}
	for _, k := range placeKeys(key) {
		if i, ok := g.index[k]; ok {
			return g.places[i], true
		}
	}
	return Place{}, false
}

// ResettlementAuthority is the authority a resettlement area as written resolves to,
// as stored beside the typed text; "" when the gazetteer does not know it.
func ResettlementAuthority(name string) string {
	p, _ := ResolvePlace(name)
	return p.Authority
}

// placeKeys lists the forms a key is looked up in, most literal first: as written, then
// with a council's words folded, then each again without a trailing county. "West
// Lancashire" is found before "Lancashire" could be cut from it, and "City of London"
// before "City of" could be.
func placeKeys(key string) []string {
	keys := []string{key, foldCouncil(key)}
	for _, county := range []string{" lancashire", " lancs", " cumbria"} {
		if base, ok := strings.CutSuffix(key, county); ok && base != "" {
			keys = append(keys, base, foldCouncil(base))
		}
	}
	return keys
}

// The words a council's name wraps a place's name in.
var (
	councilPrefixes = []string{"the ", "city and county of ", "city of ", "royal borough of ", "london borough of ",
		"metropolitan borough of ", "borough of ", "county borough of ", "county of ", "district of "}
	councilSuffixes = []string{" metropolitan district council", " metropolitan borough council", " county borough council", " borough council",
		" district council", " city council", " county council", " unitary authority", " council", " city of"}
)

// foldCouncil takes a council's words off a key: "city of bradford" and "bradford
// metropolitan district council" are both "bradford"; a key that would be left empty is
// kept as it is.
func foldCouncil(key string) string {
	for _, p := range councilPrefixes {
		if rest, ok := strings.CutPrefix(key, p); ok && rest != "" {
			key = rest
		}
	}
	for _, s := range councilSuffixes {
		if rest, ok := strings.CutSuffix(key, s); ok && rest != "" {
			key = rest
			break
		}
	}
	return key
}

// placeKey is the form names are compared in: areaKey, with apostrophes dropped rather
// than made spaces, so "St Anne's" and "St Annes" are one name.
func placeKey(name string) string {
	return areaKey(apostrophes.Replace(name))
}

// apostrophes is made once: a Replacer builds its tables on first use, and placeKey runs
// several times for every referral of a list (docs/PERFORMANCE.md, "Issue 17: streaming
// headless lists").
var apostrophes = strings.NewReplacer("'", "", "\u2019", "")

// NearestPlaces lists up to three names the gazetteer knows that a name it does not know
// most likely means, nearest first: names the input starts (at least four letters) or
// holds as whole words, then names within a few typing mistakes (as SuggestArea counts
// them). Among equals, places inside Lancashire and Cumbria come first. The caller may
// keep the slice: each call returns its own.
func NearestPlaces(name string) []string {
	key := placeKey(name)
	if key == "" {
		return nil
	}
	// Every checklist of a referral with an unknown area asks again, and the queue
	// checks every referral on each load: the answer is kept (for a bounded number of
	// names) rather than measured against every place each time.
	if near, ok := nearestKept.Load(key); ok {
		return slices.Clone(near.([]string))
	}
	near := nearestPlaces(key)
	if nearestCount.Add(1) <= maxNearestKept {
		nearestKept.Store(key, near)
	}
	return slices.Clone(near)
}

var (
	nearestKept  sync.Map // placeKey -> []string
	nearestCount atomic.Int64
)

const maxNearestKept = 4096

func nearestPlaces(key string) []string {
	in := []rune(key)
	type near struct {
		name   string
		dist   int
		inside bool
	}
	var found []near
	g := theGazetteer()
	for i, p := range g.places {
		k, kr := g.names[i], g.keys[i]
		if len(in) >= 4 && strings.HasPrefix(k, key) || len(kr) >= 4 && strings.Contains(" "+key+" ", " "+k+" ") {
			found = append(found, near{p.Name, 0, p.Inside})
			continue
		}
		// Names whose lengths differ by more than the mistakes allowed cannot be near.
		allowed := typosAllowed(min(len(in), len(kr)))
		if abs(len(in)-len(kr)) > allowed {
			continue
		}
		if d := typingDistance(in, kr); d <= allowed {
			found = append(found, near{p.Name, d, p.Inside})
		}
	}
	slices.SortStableFunc(found, func(a, b near) int {
		if c := cmp.Compare(a.dist, b.dist); c != 0 {
			return c
		}
		if a.inside != b.inside {
			if a.inside {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.name, b.name)
	})
	names := []string{}
	for _, n := range found[:min(len(found), 3)] {
		names = append(names, n.name)
	}
	return names
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
