package search

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/tui/common"
)

// hit is one result as the screen shows it, worked out in the search command so that
// drawing only lays text out.
type hit struct {
	res  domain.SearchResult
	kind string // "note", "addendum", "formulation", with "draft" when unsigned
	day  string // London date
	// snippet is the matching text in pieces, the matches marked, brackets removed.
	snippet []piece
}

// piece is a run of snippet text, matched or not.
type piece struct {
	text  string
	match bool
}

// kindWidth fits the longest kind, "formulation draft", so dates line up.
const kindWidth = 17

func buildHits(results []domain.SearchResult, loc *time.Location) []hit {
	hits := make([]hit, len(results))
	for i, r := range results {
		kind := r.Kind
		if !r.Signed {
			kind += " draft"
		}
		day := "no date"
		if !r.When.IsZero() {
			day = r.When.In(loc).Format("02 Jan 2006")
		}
		hits[i] = hit{res: r, kind: kind, day: day, snippet: pieces(r.Snippet)}
	}
	return hits
}

// pieces splits a snippet whose matches are marked with [ and ]. A bracket without its
// partner is kept as text: notes may hold brackets of their own.
func pieces(s string) []piece {
	s = common.OneLine(s)
	var out []piece
	for s != "" {
		open := strings.IndexByte(s, '[')
		end := -1
		if open >= 0 {
			end = strings.IndexByte(s[open:], ']')
		}
		if open < 0 || end < 0 {
			out = append(out, piece{text: s})
			break
		}
		if open > 0 {
			out = append(out, piece{text: s[:open]})
		}
		if end > 1 {
			out = append(out, piece{text: s[open+1 : open+end], match: true})
		}
		s = s[open+end+1:]
	}
	return out
}

// open is the message that opens what a hit points at: the note itself, the note an
// addendum belongs to, or the formulation tab of the case.
func (h hit) open() tea.Msg {
	switch h.res.Kind {
	case "addendum":
		return common.OpenNoteMsg{NoteID: h.res.NoteID}
	case "formulation":
		return common.OpenCaseMsg{CaseID: h.res.CaseID, Tab: "formulation"}
	}
	return common.OpenNoteMsg{NoteID: h.res.ID}
}
