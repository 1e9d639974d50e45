package store

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"caseload/internal/domain"
)

// The words Search counts in a record are the words FTS5 indexed, token for token:
// checked against FTS5's own list of a temporary index of the same texts.
func TestSearchTokensAreTheIndexTokens(t *testing.T) {
	s := newStore(t)
	texts := []string{
		"He spoke about his sleep, then about SLEEP again.",
		"Siobhán O'Neill (COM) agreed: self-harm review in 2.5 weeks; ŁÓDŹ Straße.",
		"cafe\u0301s x²y ½ ① 日本語 ǅ ﬁle — “quoted” it's 10:30am #tag @name",
		"Tabs\tand\nnew lines\r\nand  double  spaces, émigré NAÏVE Zoë",
		"",
	}
	for _, stmt := range []string{
		"CREATE VIRTUAL TABLE temp.tok USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2')",
		"CREATE VIRTUAL TABLE temp.tok_terms USING fts5vocab (temp, tok, instance)",
	} {
		if _, err := s.db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	for i, text := range texts {
		if _, err := s.db.Exec("INSERT INTO temp.tok (rowid, x) VALUES (?, ?)", i+1, text); err != nil {
			t.Fatal(err)
		}
		rows, err := s.db.Query(`SELECT term FROM temp.tok_terms WHERE doc = ? ORDER BY "offset"`, i+1)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for rows.Next() {
			var term string
			if err := rows.Scan(&term); err != nil {
				t.Fatal(err)
			}
			want = append(want, term)
		}
		rows.Close()
		var got []string
		eachToken(text, nil, func(tok []byte) { got = append(got, string(tok)) })
		if !slices.Equal(got, want) {
			t.Errorf("%q\n got %q\nwant %q", text, got, want)
		}
	}
}

// Where a kind has fewer records than dfSample, the Go ranking is FTS5's bm25 exactly:
// the same score for every match, in notes (two columns: present and text), addenda
// and formulations, for one word, several, a phrase and an accent.
func TestSearchScoresAreFTS5Bm25(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali := mustClinician(t, s, "Dr Ali", true)
	caseID := openCase(t, s, ali, 0)
	texts := []string{
		"He spoke about his sleep and the hostel, and his brother visiting.",
		"He spoke about sleep, then about sleep again, and his brother.",
		"Sleep. Sleep. Sleep.",
		"Saw Siobhán's key worker about the hostel; O'Neill (COM) agreed a sleep diary.",
		"O'Neill called. Neill O said nothing of sleep, nor did o'neill's brother at the hostel " + strings.Repeat("and then ", 30),
		"Nothing relevant in this one at all.",
	}
	var last domain.Note
	for _, text := range texts {
		last = signedNote(t, s, ali, caseID, text)
	}
	for _, text := range []string{"Hostel confirmed the sleep diary.", "Sleep again."} {
		if _, err := s.AddAddendum(ctx, ali, t0.Add(time.Hour), domain.Addendum{NoteID: last.ID, Kind: domain.AddendumLaterInfo, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	for _, text := range []string{"Sleep is poor at the hostel.", "Sleep, sleep and sleep."} {
		signedFormulation(t, s, ali, caseID, map[domain.SectionID]string{"precipitating": text, "plan": "Review."})
	}
	for _, q := range []string{"sleep", "Sleep hostel", "o'neill", "SIOBHAN", "sleep brother", "ali sleep", "the"} {
		for k, kind := range searchKinds {
			want := fts5Scores(t, s, kind.index, q)
			got := windowScores(t, s, k, q, ali)
			if len(got) != len(want) {
				t.Errorf("%s %q: %d scored, FTS5 matches %d", kind.kind, q, len(got), len(want))
			}
			for id, w := range want {
				if g, ok := got[id]; !ok || math.Abs(g-w) > 1e-9*math.Abs(w) {
					t.Errorf("%s %q: %d scores %v, FTS5's bm25 %v", kind.kind, q, id, g, w)
				}
			}
		}
	}
}

func fts5Scores(t *testing.T, s *Store, index, query string) map[int64]float64 {
	t.Helper()
	rows, err := s.db.Query(fmt.Sprintf(`SELECT rowid, bm25(%[1]s) FROM %[1]s WHERE %[1]s MATCH ?`, index), ftsQuery(query))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	scores := map[int64]float64{}
	for rows.Next() {
		var id int64
		var score float64
		if err := rows.Scan(&id, &score); err != nil {
			t.Fatal(err)
		}
		scores[id] = score
	}
	return scores
}

func windowScores(t *testing.T, s *Store, k int, query string, viewer int64) map[int64]float64 {
	t.Helper()
	tx, err := s.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	p := phrasesOf(searchWords(query))
	hits, err := rankWindow(context.Background(), tx, nil, k, ftsQuery(query), &p, viewer, searchWindow)
	if err != nil {
		t.Fatal(err)
	}
	scores := map[int64]float64{}
	for _, h := range hits {
		scores[h.id] = h.score
	}
	return scores
}

// Within the window, bm25 as a clinician would expect it: more of the words first, a
// short note before a long one holding them as often, a rare word above a common one.
func TestSearchRanksWithinTheWindow(t *testing.T) {
	ctx := context.Background()
	filler := strings.Repeat("He attended and talked. ", 4)
	for _, tt := range []struct {
		name, query   string
		common        string // in twenty other notes, to make its word common
		better, worse string
	}{
		{"more hits", "sleep", "", filler + "Sleep was poor, sleep is better, sleep again.", filler + "Sleep was poor, it is better."},
		{"shorter", "sleep", "", "Sleep was poor.", filler + "Sleep was poor."},
		{"rare word", "probation curfew", "Probation", "Curfew, curfew, probation.", "Probation, probation, curfew."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			ali := mustClinician(t, s, "Dr Ali", true)
			caseID := openCase(t, s, ali, 0)
			for range 20 {
				signedNote(t, s, ali, caseID, "Talked about the week. "+tt.common)
			}
			// The worse note is the newer, so order alone would put it first.
			better := signedNote(t, s, ali, caseID, tt.better)
			worse := signedNote(t, s, ali, caseID, tt.worse)
			rs, err := s.Search(ctx, ali, tt.query, 2)
			if err != nil || len(rs) != 2 || rs[0].ID != better.ID || rs[1].ID != worse.ID {
				t.Fatalf("Search(%q) = %+v, %v; want %d then %d", tt.query, rs, err, better.ID, worse.ID)
			}
		})
	}
}

// The window holds only what the viewer may see: a colleague's searchWindow newer
// drafts holding the word take none of its places, so the older signed note is still
// found; their author finds his newest drafts.
func TestSearchWindowIsWhatTheViewerSees(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali, bea := mustClinician(t, s, "Dr Ali", true), mustClinician(t, s, "Bea Nurse", true)
	caseID := openCase(t, s, ali, 0)
	signed := signedNote(t, s, ali, caseID, "Parole board in March.")
	first := mustSave(t, s, ali, draft(caseID, "Parole draft, parole, parole."))
	if _, err := s.db.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO notes (case_id, author_id, type, contact_at, duration_minutes, present, text, created_at, updated_at)
		SELECT case_id, author_id, type, contact_at, duration_minutes, present, text, created_at, updated_at
		FROM notes, n WHERE id = ?`, searchWindow, first.ID); err != nil {
		t.Fatal(err)
	}
	rs, err := s.Search(ctx, bea, "parole", 5)
	if err != nil || len(rs) != 1 || rs[0].ID != signed.ID {
		t.Fatalf("bea finds %+v, %v; want only the signed note %d", rs, err, signed.ID)
	}
	rs, err = s.Search(ctx, ali, "parole", 5)
	if err != nil || len(rs) != 5 {
		t.Fatalf("ali finds %+v, %v", rs, err)
	}
	for _, r := range rs {
		if r.Signed || r.ID <= first.ID {
			t.Errorf("ali's result %+v is not one of his newest drafts", r)
		}
	}
}

// An index bigger than the sample weighs its words by the newest dfSample records: a
// word in every one of them is as common as FTS5's floor makes it, one in none of them
// is weighed as rare, and either way the estimate is within the index's size.
func TestSearchWeighsWordsByTheNewest(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali := mustClinician(t, s, "Dr Ali", true)
	caseID := openCase(t, s, ali, 0)
	signedNote(t, s, ali, caseID, "Zeppelin seen.")
	seedSignedNotes(t, s, ali, []int64{caseID}, dfSample, 10, " probation")
	tx, err := s.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	rows, avgdl, err := averages(ctx, tx, "notes_search")
	if err != nil || rows != dfSample+1 || avgdl < 10 {
		t.Fatalf("averages = %v rows of %v words, %v", rows, avgdl, err)
	}
	p := phrasesOf([]string{"probation", "zeppelin"})
	idf, err := weights(ctx, tx, "notes_search", &p, rows)
	if err != nil {
		t.Fatal(err)
	}
	if idf[0] != 1e-6 {
		t.Errorf("a word in every note weighs %v, want FTS5's floor", idf[0])
	}
	if want := math.Log((rows + 0.5) / 0.5); idf[1] != want {
		t.Errorf("a word in none of the newest weighs %v, want %v", idf[1], want)
	}
}

// averages decodes FTS5's record of the index's size: as many records as the table,
// as many words as they hold (enough for varints of several bytes).
func TestSearchAverages(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	ali := mustClinician(t, s, "Dr Ali", true)
	seedSignedNotes(t, s, ali, []int64{openCase(t, s, ali, 0)}, 300, 40, "")
	tx, err := s.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	var n, words float64
	rs, err := tx.Query("SELECT present, text FROM notes")
	if err != nil {
		t.Fatal(err)
	}
	for rs.Next() {
		var present, text string
		if err := rs.Scan(&present, &text); err != nil {
			t.Fatal(err)
		}
		n++
		eachToken(present+"\n"+text, nil, func([]byte) { words++ })
	}
	rs.Close()
	rows, avgdl, err := averages(ctx, tx, "notes_search")
	if err != nil || rows != n || math.Abs(avgdl-words/n) > 1e-9 {
		t.Fatalf("averages = %v rows of %v words; want %v of %v (%v)", rows, avgdl, n, words/n, err)
	}
	for _, tt := range []struct {
		b    []byte
		v    uint64
		used int
	}{{[]byte{0x05}, 5, 1}, {[]byte{0x81, 0x00}, 128, 2}, {[]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, math.MaxUint64, 9}, {[]byte{0x81}, 0, 0}, {nil, 0, 0}} {
		if v, used := sqliteVarint(tt.b); v != tt.v || used != tt.used {
			t.Errorf("sqliteVarint(%x) = %d, %d; want %d, %d", tt.b, v, used, tt.v, tt.used)
		}
	}
}
