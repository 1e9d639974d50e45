package domain

import (
	"embed"
	"encoding/csv"
	"fmt"
	"io/fs"
	"strings"
	"sync"
)

// PlaceKind is what sort of name a gazetteer entry is.
type PlaceKind string

// The kinds of name the gazetteer holds.
const (
	PlaceAuthority PlaceKind = "authority" // a current local authority
	PlaceFormer    PlaceKind = "former"    // an authority abolished since 2019
	PlaceCounty    PlaceKind = "county"    // a county (council) or metropolitan county
	PlaceRegion    PlaceKind = "region"    // London, Wales, Scotland...
	PlaceTown      PlaceKind = "town"      // a town or larger village
	PlaceCouncil   PlaceKind = "council"   // a council's own name
	PlaceAlias     PlaceKind = "alias"     // an abbreviation or a common misspelling
)

// Place is one name the gazetteer knows and how the service reads it.
type Place struct {
	Name string // the gazetteer's spelling, e.g. "Kendal"
	// Authority is the current local authority the place lies in, e.g. "Westmorland and
	// Furness"; for a county or region, the county or region itself.
	Authority string
	Kind      PlaceKind
	// Inside reports whether the place is in Lancashire and Cumbria: its authority is one
	// of the service's areas (areas.go), or it is one of the two counties.
	Inside bool
	County string // CountyLancashire or CountyCumbria when Inside
}

// The gazetteer is data, not code: a CSV a colleague who does not write Go can extend in
// a spreadsheet and review line by line in a diff; embedded so the binary needs no file
// beside it. Its rows are checked when it loads (and so by every test of this package).
//
//go:embed gazetteer/*.csv
var gazetteerFiles embed.FS

type gazetteer struct {
	places []Place
	names  []string       // each place's placeKey, for the nearest names
	keys   [][]rune       // and the same as runes
	index  map[string]int // placeKey -> places
}

var theGazetteer = sync.OnceValue(func() gazetteer {
	g, err := loadGazetteer(gazetteerFiles)
	if err != nil {
		panic("domain: gazetteer: " + err.Error()) // a build mistake: the tests load it
	}
	return g
})

// Places lists every name the gazetteer knows: the service's areas first, then the
// files' rows. The slice is a copy.
func Places() []Place { return append([]Place(nil), theGazetteer().places...) }

func loadGazetteer(files fs.FS) (gazetteer, error) {
	g := gazetteer{index: map[string]int{}}
	for _, a := range areas {
		p := Place{Name: a.Name, Authority: a.Name, Kind: PlaceAuthority, Inside: true, County: a.County}
		if s, ok := a.Successor(); ok {
			p.Kind, p.Authority = PlaceFormer, s.Name
		}
		if err := g.add(p); err != nil {
			return g, err
		}
	}
	names, err := fs.Glob(files, "gazetteer/*.csv")
	if err != nil {
		return g, err
	}
	for _, name := range names {
		if err := g.addFile(files, name); err != nil {
			return g, err
		}
	}
	// Every authority named must itself be known, so a typo in the data cannot invent one.
	for _, p := range g.places {
		i, ok := g.index[placeKey(p.Authority)]
		if !ok || g.places[i].Authority != p.Authority {
			return g, fmt.Errorf("%s: authority %q is not itself in the gazetteer", p.Name, p.Authority)
		}
	}
	return g, nil
}

func (g *gazetteer) addFile(files fs.FS, name string) error {
	b, err := fs.ReadFile(files, name)
	if err != nil {
		return err
	}
	r := csv.NewReader(strings.NewReader(string(b)))
	r.Comment, r.FieldsPerRecord = '#', 3
	rows, err := r.ReadAll()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for i, row := range rows {
		if i == 0 {
			continue // the header: place,authority,kind
		}
		p := Place{Name: row[0], Authority: row[1], Kind: PlaceKind(row[2])}
		switch p.Kind {
		case PlaceAuthority, PlaceFormer, PlaceCounty, PlaceRegion, PlaceTown, PlaceCouncil, PlaceAlias:
		default:
			return fmt.Errorf("%s: %s: kind %q is not one the gazetteer knows", name, p.Name, p.Kind)
		}
		if a, ok := FindArea(p.Authority); ok && a.Current() {
			p.Inside, p.County = true, a.County
		}
		if county, ok := CountyNamed(p.Authority); ok && p.Authority == county {
			p.Inside, p.County = true, county
		}
		if err := g.add(p); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// add indexes a place under its name as written; a name written twice must mean the
// same authority (Carlisle the town and the former district are both Cumberland).
func (g *gazetteer) add(p Place) error {
	key := placeKey(p.Name)
	if key == "" || strings.TrimSpace(p.Authority) == "" {
		return fmt.Errorf("a row without a place or an authority: %+v", p)
	}
	if i, ok := g.index[key]; ok {
		if g.places[i].Authority != p.Authority {
			return fmt.Errorf("%s is both %s and %s", p.Name, g.places[i].Authority, p.Authority)
		}
		return nil
	}
	g.places = append(g.places, p)
	g.names, g.keys = append(g.names, key), append(g.keys, []rune(key))
	g.index[key] = len(g.places) - 1
	return nil
}
