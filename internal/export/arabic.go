package export

// A PDF shows glyphs as they are given: fpdf neither joins Arabic letters nor reorders
// right-to-left text. Shape gives each Arabic letter the form its neighbours call for,
// from Unicode's Arabic Presentation Forms-B (U+FE70-U+FEFF), which the embedded font
// draws; Visual then puts each line in the order it is drawn (docs/RULES.md, "Subject
// access: the export").

// forms of one letter: isolated, final, initial, medial; 0 where the letter has none
// (a right-joining letter joins only to the letter before it: no initial or medial).
type forms [4]rune

const (
	isolated = iota
	final
	initial
	medial
)

// arabicForms are the Presentation Forms-B of each basic Arabic letter.
var arabicForms = map[rune]forms{
	0x0621: {0xFE80, 0, 0, 0},                // hamza
	0x0622: {0xFE81, 0xFE82, 0, 0},           // alef with madda above
	0x0623: {0xFE83, 0xFE84, 0, 0},           // alef with hamza above
	0x0624: {0xFE85, 0xFE86, 0, 0},           // waw with hamza above
	0x0625: {0xFE87, 0xFE88, 0, 0},           // alef with hamza below
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C}, // yeh with hamza above
	0x0627: {0xFE8D, 0xFE8E, 0, 0},           // alef
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92}, // beh
	0x0629: {0xFE93, 0xFE94, 0, 0},           // teh marbuta
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98}, // teh
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C}, // theh
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0}, // jeem
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4}, // hah
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8}, // khah
	0x062F: {0xFEA9, 0xFEAA, 0, 0},           // dal
	0x0630: {0xFEAB, 0xFEAC, 0, 0},           // thal
	0x0631: {0xFEAD, 0xFEAE, 0, 0},           // reh
	0x0632: {0xFEAF, 0xFEB0, 0, 0},           // zain
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4}, // seen
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8}, // sheen
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC}, // sad
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0}, // dad
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4}, // tah
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8}, // zah
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC}, // ain
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0}, // ghain
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4}, // feh
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8}, // qaf
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC}, // kaf
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0}, // lam
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4}, // meem
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8}, // noon
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC}, // heh
	0x0648: {0xFEED, 0xFEEE, 0, 0},           // waw
	0x0649: {0xFEEF, 0xFEF0, 0, 0},           // alef maksura
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4}, // yeh
}

// lamAlef are the ligatures of lam with each alef, isolated and final.
var lamAlef = map[rune][2]rune{
	0x0622: {0xFEF5, 0xFEF6},
	0x0623: {0xFEF7, 0xFEF8},
	0x0625: {0xFEF9, 0xFEFA},
	0x0627: {0xFEFB, 0xFEFC},
}

const (
	lam     = 0x0644
	tatweel = 0x0640 // joins on both sides, drawn as a line
)

// transparent marks (harakat, superscript alef) sit on a letter and do not break its
// joining.
func transparent(r rune) bool {
	return (r >= 0x0610 && r <= 0x061A) || (r >= 0x064B && r <= 0x065F) || r == 0x0670 ||
		(r >= 0x06D6 && r <= 0x06DC) || (r >= 0x06DF && r <= 0x06E4) || r == 0x06E7 || r == 0x06E8 ||
		(r >= 0x06EA && r <= 0x06ED)
}

// joinsBefore reports whether r connects to the letter before it (in logical order).
func joinsBefore(r rune) bool {
	if r == tatweel {
		return true
	}
	f, ok := arabicForms[r]
	return ok && f[final] != 0
}

// joinsAfter reports whether r connects to the letter after it.
func joinsAfter(r rune) bool {
	if r == tatweel {
		return true
	}
	f, ok := arabicForms[r]
	return ok && f[initial] != 0
}

// Shape returns s, in logical order, with each basic Arabic letter replaced by its
// contextual presentation form and lam followed by alef by their ligature. Anything
// else, marks included, is kept as it is.
func Shape(s string) string {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	// neighbour finds the next letter from i in direction step, skipping marks.
	neighbour := func(i, step int) rune {
		for j := i + step; j >= 0 && j < len(rs); j += step {
			if !transparent(rs[j]) {
				return rs[j]
			}
		}
		return 0
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f, ok := arabicForms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		before := joinsAfter(neighbour(i, -1))
		if r == lam {
			if next := i + 1; next < len(rs) {
				if lig, ok := lamAlef[rs[next]]; ok {
					if before {
						out = append(out, lig[1])
					} else {
						out = append(out, lig[0])
					}
					i++
					continue
				}
			}
		}
		after := joinsAfter(r) && joinsBefore(neighbour(i, 1))
		before = before && joinsBefore(r)
		switch {
		case before && after:
			out = append(out, f[medial])
		case before:
			out = append(out, f[final])
		case after:
			out = append(out, f[initial])
		default:
			out = append(out, f[isolated])
		}
	}
	return string(out)
}
