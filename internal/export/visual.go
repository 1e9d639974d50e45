package export

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/bidi"
)

// Visual returns one line of text (no line break in it) in the order its characters are
// drawn from left to right, as the Unicode bidirectional algorithm orders them: each
// right-to-left run (an Arabic name) reversed, its brackets mirrored. The record is
// English, so a line that holds any left-to-right letter is laid out left to right (as
// an English sentence holding an Arabic name reads); only a line with no left-to-right
// letter at all is laid out right to left. It takes shaped text (Shape), since joining
// is decided in logical order. Levels deeper than two (a number inside Arabic inside
// English) are drawn as their run's direction says, which is enough for names and the
// odd word.
func Visual(line string) string {
	if !hasRTL(line) {
		return line
	}
	base := rtlBase(line)
	if !base {
		// x/text takes the direction from the first strong letter; a left-to-right mark
		// in front makes it the record's. It is taken off again below.
		line = lrm + line
	}
	runs, ok := bidiRuns(line)
	if !ok {
		return strings.TrimPrefix(line, lrm)
	}
	if base {
		slices.Reverse(runs)
	} else if len(runs) > 0 {
		runs[0] = strings.TrimPrefix(runs[0], lrm)
	}
	return strings.Join(runs, "")
}

// lrm is U+200E LEFT-TO-RIGHT MARK: strong, and drawn as nothing.
const lrm = "\u200E"

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

// rtlBase reports whether the line is laid out right to left: it holds right-to-left
// letters and no left-to-right one.
func rtlBase(s string) bool {
	for _, r := range s {
		if p, _ := bidi.LookupRune(r); p.Class() == bidi.L {
			return false
		}
	}
	return hasRTL(s)
}
