package export

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// pdfWriter draws the document's text: each line wrapped to its column, shaped, put in
// drawing order, and drawn in pieces, each in the font that has its letters.
type pdfWriter struct {
	p     *fpdf.Fpdf
	width float64
	style string  // "" or "B": DejaVu's; the CJK font has one weight
	size  float64 // points
	// widths are the letters measured so far (measure).
	widths map[widthKey]float64
}

// cjk reports whether r is drawn with the fallback font: the scripts DejaVu Sans lacks.
func cjk(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0x3200 && r <= 0x33FF) || (r >= 0xFF00 && r <= 0xFFEF)
}

func (w *pdfWriter) setFont(style string, size float64) {
	w.style, w.size = style, size
	w.p.SetFont(font, style, size)
}

// use switches to the font of a piece, keeping the size.
func (w *pdfWriter) use(isCJK bool) {
	if isCJK {
		w.p.SetFont(cjkFont, "", w.size)
	} else {
		w.p.SetFont(font, w.style, w.size)
	}
}

// pieces splits s where its font changes.
func pieces(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if i > start {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if cjk(prev) != cjk(r) {
				out = append(out, s[start:i])
				start = i
			}
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// measure is the width of s as drawn, each letter in its font. fpdf does not kern, so a
// line is as wide as its letters added up; each letter's width is asked of fpdf once a
// font and size.
func (w *pdfWriter) measure(s string) float64 {
	total := 0.0
	for _, r := range s {
		k := widthKey{r, w.style, w.size}
		width, ok := w.widths[k]
		if !ok {
			w.use(cjk(r))
			width = w.p.GetStringWidth(string(r))
			w.use(false)
			if w.widths == nil {
				w.widths = map[widthKey]float64{}
			}
			w.widths[k] = width
		}
		total += width
	}
	return total
}

// widthKey is one letter in one font at one size.
type widthKey struct {
	r     rune
	style string
	size  float64
}

// draw writes one line, already in drawing order, at x on the current line, piece by
// piece, and moves to the next line.
func (w *pdfWriter) draw(line string, x, h float64) {
	w.p.SetX(x)
	for _, piece := range pieces(line) {
		r, _ := utf8.DecodeRuneInString(piece)
		w.use(cjk(r))
		w.p.CellFormat(w.p.GetStringWidth(piece), h, piece, "", 0, "L", false, 0, "")
	}
	w.use(false)
	w.p.Ln(h)
}

// room starts a new page when less than need is left on this one, so a heading is
// never the last line of a page and a row is never cut by the automatic page break.
func (w *pdfWriter) room(need float64) {
	if w.p.GetY()+need > pageBottom {
		w.p.AddPage()
	}
}

// lines writes text in a column width wide starting at x; a blank line is half a line.
func (w *pdfWriter) lines(text string, x, width, h float64) {
	for _, l := range w.wrap(text, width) {
		if l == "" {
			w.p.Ln(h / 2)
			continue
		}
		w.room(h)
		w.draw(l, x, h)
	}
}

// field writes a label in bold and its value beside it, each wrapped in its column,
// row by row so a page break falls between two rows of both.
func (w *pdfWriter) field(label, value string, h float64) {
	size := w.size
	w.setFont("B", size)
	labels := w.wrap(label, labelWidth-2)
	w.setFont("", size)
	values := w.wrap(value, w.width-labelWidth)
	for i := 0; i < max(len(labels), len(values)); i++ {
		w.room(h)
		y := w.p.GetY()
		if i < len(labels) {
			w.setFont("B", size)
			w.draw(labels[i], margin, h)
		}
		w.setFont("", size)
		w.p.SetY(y)
		if i < len(values) {
			w.draw(values[i], margin+labelWidth, h)
		}
		w.p.SetY(y + h)
	}
}

// wrap is text shaped, wrapped to width, and each line put in drawing order (an empty
// line for each blank one).
func (w *pdfWriter) wrap(text string, width float64) []string {
	var out []string
	for _, para := range strings.Split(printable(text), "\n") {
		for _, l := range w.wrapParagraph(Shape(para), width) {
			out = append(out, Visual(l))
		}
	}
	return out
}

// wrapParagraph breaks one paragraph (in logical order) into lines no wider than width:
// at spaces, between two CJK characters, and inside a word only when the word alone is
// wider than a line. An empty paragraph is one empty line.
func (w *pdfWriter) wrapParagraph(s string, width float64) []string {
	var lines []string
	cur, curW := "", 0.0
	for _, t := range tokens(s) {
		word := strings.TrimRight(t, " ")
		wordW := w.measure(word)
		if cur != "" && curW+wordW > width {
			lines = append(lines, strings.TrimRight(cur, " "))
			cur, curW = "", 0
		}
		for cur == "" && wordW > width && utf8.RuneCountInString(word) > 1 {
			cut := w.fit(word, width)
			lines = append(lines, word[:cut])
			wordW -= w.measure(word[:cut])
			word, t = word[cut:], t[cut:]
		}
		cur += t
		curW += w.measure(t)
	}
	return append(lines, strings.TrimRight(cur, " "))
}

// fit is how many bytes of word fit in width: at least one letter. Widths add up letter
// by letter (fpdf does not kern), so a pasted line of ten thousand letters costs ten
// thousand measures, not fifty million.
func (w *pdfWriter) fit(word string, width float64) int {
	end, total := 0, 0.0
	for i, r := range word {
		total += w.measure(string(r))
		if i > 0 && total > width {
			break
		}
		end = i + utf8.RuneLen(r)
	}
	return end
}

// tokens splits s into the pieces a line may break after: each word with the spaces
// after it, and each CJK character alone.
func tokens(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		switch {
		case cjk(r):
			if i > start {
				out = append(out, s[start:i])
			}
			out = append(out, s[i:i+utf8.RuneLen(r)])
			start = i + utf8.RuneLen(r)
		case r == ' ' && i+1 < len(s) && s[i+1] != ' ':
			out = append(out, s[start:i+1])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// printable is text as the PDF can draw it: a tab as spaces, a carriage return and any
// other control character dropped (the fonts have no glyph for them), line breaks kept.
func printable(text string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, text)
}
