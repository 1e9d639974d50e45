package export

import (
	"bytes"
	_ "embed" // the fonts
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"caseload/internal/clock"
)

// The embedded fonts (fonts/README.md): DejaVu Sans draws Latin with every diacritic,
// Greek, Cyrillic, Hebrew and Arabic's presentation forms; Droid Sans Fallback draws
// Chinese, Japanese and Korean, which DejaVu lacks. Their licences let them be embedded
// and shipped: every name prints, wherever the record is opened.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
	//go:embed fonts/DroidSansFallbackFull.ttf
	fontCJK []byte
)

const (
	font       = "dejavu"
	cjkFont    = "droidfallback"
	pageAlias  = "{nb}"
	margin     = 18.0 // mm
	pageWidth  = 210.0
	pageBottom = 297 - margin - 4 // mm: no line is drawn below
	labelWidth = 52.0             // mm: a field's label column
	lineHeight = 5.2              // mm at the body's size
	bodySize   = 10.0
)

// PDF writes the document as an A4 PDF: a cover page, then the record, every page
// numbered "page N of M".
func PDF(d Document) ([]byte, error) {
	d = validUTF8(d) // fpdf panics on a broken byte; the store keeps none, but a PDF never depends on it
	p := fpdf.New("P", "mm", "A4", "")
	p.SetMargins(margin, margin, margin)
	p.SetCellMargin(0) // a line is drawn in pieces, one a font: no padding between them
	p.SetAutoPageBreak(true, 297-pageBottom)
	p.AddUTF8FontFromBytes(font, "", fontRegular)
	p.AddUTF8FontFromBytes(font, "B", fontBold)
	if hasCJK(d) { // parsed only when needed: it is the largest of the three
		p.AddUTF8FontFromBytes(cjkFont, "", fontCJK)
	}
	p.SetCreationDate(d.Cover.GeneratedAt)
	p.SetModificationDate(d.Cover.GeneratedAt)
	p.SetTitle("Record of "+d.Cover.Person, true)
	p.SetCreator("caseload", true)
	p.AliasNbPages(pageAlias)
	w := &pdfWriter{p: p, width: pageWidth - 2*margin}
	p.SetFooterFunc(func() {
		style, size := w.style, w.size
		p.SetTextColor(90, 90, 90)
		w.setFont("", 8)
		line := Visual(Shape(fmt.Sprintf("Record of %s (person %d), page %d of %s",
			d.Cover.Person, d.Cover.PersonID, p.PageNo(), pageAlias)))
		p.SetY(297 - margin + 2)
		w.draw(line, (pageWidth-w.measure(line))/2, 4)
		p.SetTextColor(0, 0, 0)
		w.setFont(style, size)
	})
	w.cover(d.Cover)
	p.AddPage()
	for _, b := range d.Blocks {
		w.block(b)
	}
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		return nil, fmt.Errorf("the PDF could not be made: %w", err)
	}
	return out.Bytes(), nil
}

// validUTF8 is d with every broken UTF-8 byte as U+FFFD.
func validUTF8(d Document) Document {
	v := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	d.Cover.Person, d.Cover.By = v(d.Cover.Person), v(d.Cover.By)
	blocks := make([]Block, len(d.Blocks))
	for i, b := range d.Blocks {
		b.Label, b.Text = v(b.Label), v(b.Text)
		blocks[i] = b
	}
	d.Blocks = blocks
	return d
}

// hasCJK reports whether any word of d needs the fallback font.
func hasCJK(d Document) bool {
	if strings.IndexFunc(d.Cover.Person+d.Cover.By, cjk) >= 0 {
		return true
	}
	for _, b := range d.Blocks {
		if strings.IndexFunc(b.Label+b.Text, cjk) >= 0 {
			return true
		}
	}
	return false
}

func (w *pdfWriter) cover(c Cover) {
	p := w.p
	p.AddPage()
	w.setFont("B", 18)
	w.lines("Your record held by the Enhanced RECONNECT service", margin, w.width, 9)
	p.Ln(4)
	w.setFont("B", 16)
	w.lines(c.Person, margin, w.width, 8)
	p.Ln(4)
	w.setFont("", 11)
	for _, f := range [][2]string{
		{"Person", fmt.Sprintf("%d", c.PersonID)},
		{"Made", c.GeneratedAt.In(clock.London()).Format("Monday 2 January 2006 at 15:04") + " (UK time)"},
		{"Made by", c.By},
		{"Pages", "this record has " + pageAlias + " pages, this cover included"},
		{"Holds", countsLine(c)},
	} {
		w.field(f[0], f[1], 6)
	}
	p.Ln(6)
	w.setFont("B", 12)
	w.lines("For the reviewer, before release", margin, w.width, 7)
	w.setFont("", 10)
	for _, para := range c.Warning() {
		w.lines(para, margin, w.width, lineHeight)
		p.Ln(2)
	}
}

// countsLine is what the record holds, in words.
func countsLine(c Cover) string {
	n := c.Counts
	return strings.Join([]string{plural(n.Referrals, "referral"), plural(n.Cases, "case"),
		plural(n.Notes, "signed note") + " with " + plural(n.Addenda, "addendum"),
		plural(n.Formulations, "signed formulation version"), plural(n.Meetings, "forum meeting"),
		plural(n.Handovers, "handover"), plural(n.Discharges, "discharge summary")}, ", ")
}

// plural is "1 case", "2 cases", "2 addenda", "2 discharge summaries".
func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	switch {
	case strings.HasSuffix(one, "addendum"):
		one = strings.TrimSuffix(one, "um") + "a"
	case strings.HasSuffix(one, "summary"):
		one = strings.TrimSuffix(one, "y") + "ies"
	default:
		one += "s"
	}
	return fmt.Sprintf("%d %s", n, one)
}

func (w *pdfWriter) block(b Block) {
	p := w.p
	switch b.Kind {
	case Section:
		w.room(70)
		p.Ln(4)
		w.setFont("B", 15)
		w.lines(b.Text, margin, w.width, 8)
		p.Ln(2)
	case Heading:
		w.room(28)
		p.Ln(3)
		w.setFont("B", 11.5)
		w.lines(b.Text, margin, w.width, 6.5)
	case Subheading:
		w.room(16)
		p.Ln(1)
		w.setFont("B", bodySize)
		w.lines(b.Text, margin, w.width, lineHeight)
	case Field:
		w.setFont("", bodySize)
		w.field(b.Label, b.Text, lineHeight)
	case Text:
		w.setFont("", bodySize)
		p.Ln(1)
		w.lines(b.Text, margin, w.width, lineHeight)
		p.Ln(1)
	case Flag:
		w.setFont("B", bodySize)
		p.SetTextColor(150, 60, 0)
		w.lines(b.Text, margin, w.width, lineHeight)
		p.SetTextColor(0, 0, 0)
	}
}
