package queue

import (
	"slices"
	"strings"
	"testing"

	"caseload/internal/domain"
	"caseload/internal/ident"
)

// The filter's byte sets only save scans: match finds exactly the rows whose haystack
// holds every folded word of the query, for letters, digits, words of several bytes,
// letters outside ASCII and right-to-left names, in every status group.
func TestMatchIsEveryWordInTheHaystack(t *testing.T) {
	names := [][2]string{{"Zoë", "Okafor"}, {"Łukasz", "Nguyễn"}, {"Jamal", "陈"}, {"محمد", "Al-Sayed"},
		{"Siobhán", "Ó Súilleabháin"}, {"Amy", "Q"}, {"Ben", "x9"}}
	statuses := []domain.ReferralStatus{domain.StatusReceived, domain.StatusScreenedIn, domain.StatusWithdrawn}
	var refs []domain.Referral
	for i, n := range names {
		refs = append(refs, domain.Referral{ID: int64(i + 1), Status: statuses[i%len(statuses)], ReceivedAt: testNow,
			Source: domain.SourceProbation,
			Person: domain.Person{GivenName: n[0], FamilyName: n[1], NHSNumber: ident.NHSNumber("9990000018")}})
	}
	rows := buildRows(refs, testNow)
	for _, query := range []string{"a", "q", "Q", "z", "x", "9", "7", "zo", "zoe", "ka sz", "lukasz", "nguyen", "陈",
		"محمد", "o s", "xyz", "", " ", "-", "al-sayed", "999 000", "probation", "ó", "e x9", "\x00"} {
		for _, group := range statusGroups {
			got := match(rows, keysOf(rows), nil, query, group)
			var want []int
			words := strings.Fields(domain.FoldForSearch(query))
			for i := range rows {
				if !group.holds(rows[i].status) {
					continue
				}
				all := true
				for _, w := range words {
					all = all && strings.Contains(rows[i].hay, w)
				}
				if all {
					want = append(want, i)
				}
			}
			if !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
				t.Errorf("%q in %s: rows %v, want %v", query, group.name, got, want)
			}
			within := match(rows, keysOf(rows), want, query, group)
			if !slices.Equal(within, want) && (len(within) > 0 || len(want) > 0) {
				t.Errorf("%q in %s within its own matches: rows %v, want %v", query, group.name, within, want)
			}
		}
	}
}

// A byte set holds exactly the ASCII bytes of its text, and nothing of a letter outside
// ASCII, whose words are always searched for.
func TestBytesOf(t *testing.T) {
	for _, tt := range []struct {
		text, in, out string
	}{
		{"abc", "abc", "dxyz0"},
		{"a\x00b", "ab\x00", "c"},
		{"zoë", "zo", "e"},
		{"~\x7f0", "~\x7f0", "1"},
		{"", "", "a\x00"},
	} {
		b := bytesOf(tt.text)
		for i := 0; i < len(tt.in); i++ {
			if !b.holds(bytesOf(tt.in[i : i+1])) {
				t.Errorf("%q: %q not held", tt.text, tt.in[i])
			}
		}
		for i := 0; i < len(tt.out); i++ {
			if b.holds(bytesOf(tt.out[i : i+1])) {
				t.Errorf("%q: %q held", tt.text, tt.out[i])
			}
		}
	}
	if w := wordOf("陈"); w.settled || w.bytes != (bytes{}) {
		t.Errorf("a letter outside ASCII is left to the search of the text: %+v", w)
	}
	rows := []row{{hay: "jamal\x00陈"}, {hay: "jamal\x00chen"}}
	if got := match(rows, keysOf(rows), nil, "陈", statusGroups[0]); len(got) != 1 || got[0] != 0 {
		t.Errorf("陈 matched rows %v, want [0]", got)
	}
}
