package export

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/bidi"
)

// Visual returns one line of text (no line break in it) in the order its characters are
// drawn from left to right, as the Unicode bidirectional algorithm orders them: a
// right-to-left run (an Arabic name) reversed, its brackets mirrored, and, when the
// line's first strong letter is right-to-left, the runs themselves from right to left.
// It takes shaped text (Shape), since joining is decided in logical order. Levels
// deeper than two (a number inside Arabic inside English) are drawn as their run's
// direction says, which is enough for names and the odd word.
func Visual(line string) string {
	if !hasRTL(line) {
		return line
	}
	runs, ok := bidiRuns(line)
	if !ok {
		return line
	}
	if rtlBase(line) {
		slices.Reverse(runs)
	}
	return strings.Join(runs, "")
}

// bidiRuns are line's runs in logical order, each right-to-left one already reversed;
// false when the algorithm could not order the line (then it is drawn as written).
func bidiRuns(line string) (runs []string, ok bool) {
	defer func() {
		// x/text's bidi is young: a line it cannot take is drawn as written rather
		// than stopping the export.
		if recover() != nil {
			runs, ok = nil, false
		}
	}()
	var p bidi.Paragraph
	if _, err := p.SetString(line); err != nil {
		return nil, false
	}
	o, err := p.Order()
	if err != nil {
		return nil, false
	}
	for i := 0; i < o.NumRuns(); i++ {
		r := o.Run(i)
		if r.Direction() == bidi.RightToLeft {
			runs = append(runs, bidi.ReverseString(r.String()))
		} else {
			runs = append(runs, r.String())
		}
	}
	return runs, true
}

// hasRTL reports whether s holds a right-to-left letter.
func hasRTL(s string) bool {
	for _, r := range s {
		if rtl(r) {
			return true
		}
	}
	return false
}

func rtl(r rune) bool {
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	return c == bidi.R || c == bidi.AL
}

// rtlBase reports whether the line's first strong letter is right-to-left (rules P2
// and P3: how HTML's dir="auto" decides too).
func rtlBase(s string) bool {
	for _, r := range s {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}
