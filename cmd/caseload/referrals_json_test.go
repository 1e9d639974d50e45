package main

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// The hand-written encoder of referrals list writes exactly what encoding/json writes
// (compact, "<", ">" and "&" as typed) for every row: names with emoji, right-to-left
// and CJK letters, quotes and backslashes, every control character, invalid UTF-8, the
// line and paragraph separators, and every field null or not.
func TestReferralEncoderIsEncodingJSON(t *testing.T) {
	texts := []string{"", "Zoë 👩‍⚕️", "محمد عبد الله", "王小明", `O"Brien \ Sons`, "Smith & <Sons>",
		"a\u2028b\u2029c", "bad \xff\xfe utf-8 \xc3", "tab\tnew\nline\rcr\bbs\fff", "\x00\x01\x1f\x7f", "é\u0301"}
	for c := range 0x80 {
		texts = append(texts, "x"+string(rune(c))+"y")
	}
	r := rand.New(rand.NewPCG(17, 17))
	text := func() string { return texts[r.IntN(len(texts))] }
	maybe := func() *string {
		if r.IntN(3) == 0 {
			return nil
		}
		s := text()
		return &s
	}
	maybeBool := func() *bool {
		if r.IntN(3) == 0 {
			return nil
		}
		v := r.IntN(2) == 0
		return &v
	}
	for i := range 3000 {
		row := referralJSON{ID: r.Int64N(1 << 40), GivenName: text(), FamilyName: text(), Source: text(), Status: text(),
			ReceivedAt: text(), ScreeningDueAt: text(), ScreeningClock: clockJSON{State: text(), Text: text(), Soon: r.IntN(2) == 0},
			ScreenedAt: maybe(), ScreeningEnteredAt: maybe(), EnteredAt: text(), NHSNumber: maybe(), PrisonNumber: maybe(),
			CRN: maybe(), PNCID: maybe(), DateOfBirth: maybe(), ExpectedReleaseDate: maybe(), ReleaseDateType: maybe(),
			RoSH: maybe(), ResettlementArea: maybe(), ResettlementAuthority: maybe(), DuplicateAnswer: maybe(),
			Eligibility:           eligibilityJSON{Verdict: text(), WindowOpensOn: maybe()},
			ScreeningDeadlineRule: text(), Within48h: maybeBool(), WithinDeadline: maybeBool()}
		if g := r.IntN(5) - 1; g != 3 {
			row.PriorityGroup = &g
		}
		if d := r.Int64N(3); d > 0 {
			row.PossibleDuplicateOf = &d
		}
		if n := r.IntN(8) - 1; n >= 0 {
			row.Eligibility.Rules = make([]ruleJSON, n)
			for k := range row.Eligibility.Rules {
				row.Eligibility.Rules[k] = ruleJSON{ID: text(), Result: text(), Reason: text()}
			}
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(row); err != nil {
			t.Fatal(err)
		}
		if got := string(appendReferral(nil, &row)); got != strings.TrimSuffix(want.String(), "\n") {
			t.Fatalf("row %d:\n%s", i, firstDifference(got, strings.TrimSuffix(want.String(), "\n")))
		}
	}
}
