package export

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is how an export is written, named as the audit names it.
type Format string

// The formats.
const (
	FormatPDF      Format = "pdf"
	FormatHTML     Format = "html"
	FormatMarkdown Format = "md"
)

// FormatOf is the format the file name out asks for, by its extension (.pdf, .html or
// .htm, .md or .markdown, in any case); anything else is refused in one sentence.
func FormatOf(out string) (Format, error) {
	if strings.TrimSpace(out) == "" {
		return "", fmt.Errorf("--out is missing: name the file to write, ending .pdf, .html or .md")
	}
	if strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator)) {
		return "", fmt.Errorf("--out %q is a folder: name the file to write, ending .pdf, .html or .md", out)
	}
	switch strings.ToLower(filepath.Ext(out)) {
	case ".pdf":
		return FormatPDF, nil
	case ".html", ".htm":
		return FormatHTML, nil
	case ".md", ".markdown":
		return FormatMarkdown, nil
	}
	return "", fmt.Errorf("--out %q: the file's name must end .pdf, .html or .md, which says how to write it", out)
}

// Render writes d in format f.
func Render(d Document, f Format) ([]byte, error) {
	switch f {
	case FormatPDF:
		return PDF(d)
	case FormatHTML:
		return HTML(d)
	case FormatMarkdown:
		return Markdown(d), nil
	}
	return nil, fmt.Errorf("%q is not a format of an export: pdf, html or md", f)
}
