package export

import (
	"strings"
	"testing"
)

func TestFormatOf(t *testing.T) {
	tests := []struct {
		out  string
		want Format
		err  string
	}{
		{"record.pdf", FormatPDF, ""},
		{"/tmp/Record.PDF", FormatPDF, ""},
		{"record.html", FormatHTML, ""},
		{"record.htm", FormatHTML, ""},
		{"record.md", FormatMarkdown, ""},
		{"notes.markdown", FormatMarkdown, ""},
		{"record.docx", "", "must end .pdf, .html or .md"},
		{"record", "", "must end .pdf, .html or .md"},
		{"pdf", "", "must end .pdf, .html or .md"},
		{"", "", "--out is missing"},
		{"out/", "", "is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.out, func(t *testing.T) {
			got, err := FormatOf(tt.out)
			if got != tt.want || (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("FormatOf(%q) = %q, %v; want %q, %q", tt.out, got, err, tt.want, tt.err)
			}
		})
	}
}

// Whatever --out is typed, FormatOf answers with a format or one sentence.
func FuzzFormatOf(f *testing.F) {
	for _, s := range []string{"a.pdf", "a.HTML", "b.md", "", "/", ".pdf", "a.pdf/", "a\x00.pdf", "é.markdown"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, out string) {
		got, err := FormatOf(out)
		switch {
		case err == nil && got != FormatPDF && got != FormatHTML && got != FormatMarkdown:
			t.Fatalf("FormatOf(%q) = %q with no error", out, got)
		case err != nil && (got != "" || strings.Count(err.Error(), "\n") > strings.Count(out, "\n")):
			t.Fatalf("FormatOf(%q) = %q, %v", out, got, err)
		}
	})
}
