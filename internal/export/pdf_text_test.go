package export

import (
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

func testWriter(t *testing.T) *pdfWriter {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCellMargin(0)
	p.AddUTF8FontFromBytes(font, "", fontRegular)
	p.AddUTF8FontFromBytes(font, "B", fontBold)
	p.AddUTF8FontFromBytes(cjkFont, "", fontCJK)
	w := &pdfWriter{p: p, width: 60}
	w.setFont("", bodySize)
	return w
}

// A paragraph is broken into lines no wider than the column, losing no letter: at
// spaces, between CJK characters, and inside a word only when it alone is too wide.
func TestWrapParagraph(t *testing.T) {
	w := testWriter(t)
	tests := []struct {
		name, text string
		lines      int // at least
	}{
		{"short", "Seen at the hostel.", 1},
		{"words", strings.Repeat("Seen at the hostel with his COM. ", 6), 3},
		{"CJK without spaces", strings.Repeat("浩然陈", 30), 2},
		{"one long word", strings.Repeat("Súilleabháin", 10), 2},
		{"Arabic", strings.Repeat("ﻳﻮﺳﻒ ﺍﻟﺤﺪﺍﺩ ", 12), 2},
		{"empty", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := w.wrapParagraph(tt.text, w.width)
			if len(got) < tt.lines {
				t.Errorf("%d lines; want at least %d: %q", len(got), tt.lines, got)
			}
			for _, l := range got {
				if w.measure(l) > w.width+0.01 {
					t.Errorf("line %q is %.1f mm wide; the column is %.1f", l, w.measure(l), w.width)
				}
			}
			squash := func(s string) string { return strings.ReplaceAll(s, " ", "") }
			if squash(strings.Join(got, "")) != squash(tt.text) {
				t.Errorf("lines %q lose letters of %q", got, tt.text)
			}
		})
	}
}

// A line is drawn in pieces, each in the font that has its letters.
func TestPieces(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Zoë", []string{"Zoë"}},
		{"浩然 陈", []string{"浩然", " ", "陈"}},
		{"Record of 浩然 陈 (person 50)", []string{"Record of ", "浩然", " ", "陈", " (person 50)"}},
		{"ﻳﻮﺳﻒ", []string{"ﻳﻮﺳﻒ"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := pieces(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("pieces(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{"a\tb": "a b", "a\r\nb": "a\nb", "bell\a": "bell", "Zoë": "Zoë", "\u0085x": "x"} {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %q; want %q", in, got, want)
		}
	}
}

// Whatever a clinician typed, the PDF is made: no panic, no error.
func FuzzPDF(f *testing.F) {
	for _, s := range []string{"Seen at the hostel.", "يوسف Ó Súilleabháin", "浩然 陈", "\u202Eevil", "a\tb\r\n\x00", strings.Repeat("w", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Document{Cover: Cover{Person: s}, Blocks: []Block{{Kind: Field, Label: s, Text: s}, {Kind: Text, Text: s}}}
		if _, err := PDF(d); err != nil {
			t.Fatalf("PDF of %q: %v", s, err)
		}
	})
}

// A pasted run of letters with no space in it wraps in time proportional to its length.
func TestWrapALongRunQuickly(t *testing.T) {
	w := testWriter(t)
	start := time.Now()
	got := w.wrapParagraph(strings.Repeat("x", 20000), w.width)
	if len(got) < 100 || time.Since(start) > 5*time.Second {
		t.Errorf("%d lines in %v", len(got), time.Since(start))
	}
}
