package export

import (
	"bytes"
	_ "embed" // the fonts
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"caseload/internal/clock"
)

// DejaVu Sans draws Latin with every diacritic and Arabic's presentation forms, and its
// licence (fonts/LICENSE) lets it be embedded and shipped: every name prints, wherever
// the record is opened.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

const (
	font       = "dejavu"
	pageAlias  = "{nb}"
	margin     = 18.0 // mm
	labelWidth = 52.0 // mm: a field's label column
	lineHeight = 5.2  // mm at the body's size
	bodySize   = 10.0
	pageBottom = 297 - margin - 4 // mm: where the automatic page break falls
)

// PDF writes the document as an A4 PDF: a cover page, then the record, every page
// numbered "page N of M".
func PDF(d Document) ([]byte, error) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(true, 297-pageBottom)
	p.AddUTF8FontFromBytes(font, "", fontRegular)
	p.AddUTF8FontFromBytes(font, "B", fontBold)
	p.SetCreationDate(d.Cover.GeneratedAt)
	p.SetModificationDate(d.Cover.GeneratedAt)
	p.SetTitle("Record of "+d.Cover.Person, true)
	p.SetCreator("caseload", true)
	p.AliasNbPages(pageAlias)
	w := &pdfWriter{p: p, width: 210 - 2*margin}
	p.SetFooterFunc(func() {
		p.SetY(-margin)
		p.SetFont(font, "", 8)
		p.SetTextColor(90, 90, 90)
		p.CellFormat(0, 4, w.visual(fmt.Sprintf("Record of %s (person %d), page %d of %s",
			d.Cover.Person, d.Cover.PersonID, p.PageNo(), pageAlias)), "", 0, "C", false, 0, "")
		p.SetTextColor(0, 0, 0)
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

type pdfWriter struct {
	p     *fpdf.Fpdf
	width float64
}

// visual is one line shaped and in drawing order.
func (w *pdfWriter) visual(s string) string { return Visual(Shape(s)) }

// lines writes text in a column width wide starting at x, wrapped (wrap); a blank line
// is half a line.
func (w *pdfWriter) lines(text string, x, width, h float64) {
	for _, l := range w.wrap(text, width) {
		if l == "" {
			w.p.Ln(h / 2)
			continue
		}
		w.p.SetX(x)
		w.p.CellFormat(width, h, l, "", 1, "L", false, 0, "")
	}
}

func (w *pdfWriter) cover(c Cover) {
	p := w.p
	p.AddPage()
	p.SetFont(font, "B", 18)
	w.lines("Your record held by the Enhanced RECONNECT service", margin, w.width, 9)
	p.Ln(4)
	p.SetFont(font, "B", 16)
	w.lines(c.Person, margin, w.width, 8)
	p.Ln(4)
	p.SetFont(font, "", 11)
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
	p.SetFont(font, "B", 12)
	w.lines("For the reviewer, before release", margin, w.width, 7)
	p.SetFont(font, "", 10)
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

// field writes a label in bold and its value beside it, each wrapped in its column,
// row by row so a page break falls between two rows of both.
func (w *pdfWriter) field(label, value string, h float64) {
	p := w.p
	size, _ := p.GetFontSize()
	p.SetFont(font, "B", size)
	labels := w.wrap(label, labelWidth-2)
	p.SetFont(font, "", size)
	values := w.wrap(value, w.width-labelWidth)
	for i := 0; i < max(len(labels), len(values)); i++ {
		if p.GetY()+h > pageBottom {
			p.AddPage()
		}
		y := p.GetY()
		if i < len(labels) {
			p.SetFont(font, "B", size)
			p.SetXY(margin, y)
			p.CellFormat(labelWidth, h, labels[i], "", 0, "L", false, 0, "")
		}
		p.SetFont(font, "", size)
		p.SetXY(margin+labelWidth, y)
		v := ""
		if i < len(values) {
			v = values[i]
		}
		p.CellFormat(w.width-labelWidth, h, v, "", 1, "L", false, 0, "")
	}
}

// wrap is text shaped, wrapped to width in the current font, and each line put in
// drawing order (an empty line for each blank one).
func (w *pdfWriter) wrap(text string, width float64) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		wrapped := w.p.SplitText(Shape(para), width)
		if len(wrapped) == 0 {
			wrapped = []string{""}
		}
		for _, l := range wrapped {
			out = append(out, Visual(l))
		}
	}
	return out
}

// room starts a new page when less than need is left on this one, so a heading is
// never the last line of a page.
func (w *pdfWriter) room(need float64) {
	if w.p.GetY()+need > pageBottom {
		w.p.AddPage()
	}
}

func (w *pdfWriter) block(b Block) {
	p := w.p
	switch b.Kind {
	case Section:
		w.room(70)
		p.Ln(4)
		p.SetFont(font, "B", 15)
		w.lines(b.Text, margin, w.width, 8)
		p.Ln(2)
	case Heading:
		w.room(28)
		p.Ln(3)
		p.SetFont(font, "B", 11.5)
		w.lines(b.Text, margin, w.width, 6.5)
	case Subheading:
		w.room(16)
		p.Ln(1)
		p.SetFont(font, "B", bodySize)
		w.lines(b.Text, margin, w.width, lineHeight)
	case Field:
		p.SetFont(font, "", bodySize)
		w.field(b.Label, b.Text, lineHeight)
	case Text:
		p.SetFont(font, "", bodySize)
		p.Ln(1)
		w.lines(b.Text, margin, w.width, lineHeight)
		p.Ln(1)
	case Flag:
		p.SetFont(font, "B", bodySize)
		p.SetTextColor(150, 60, 0)
		w.lines(b.Text, margin, w.width, lineHeight)
		p.SetTextColor(0, 0, 0)
	}
}
