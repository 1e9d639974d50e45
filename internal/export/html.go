package export

import (
	"bytes"
	"html/template"
	"strings"

	"caseload/internal/clock"
)

// htmlPage is the record as one HTML page: html/template escapes every word, a name is
// marked dir="auto" so a right-to-left name reads in its own direction, and printing
// numbers the pages where the browser supports CSS page margins.
var htmlPage = template.Must(template.New("record").Funcs(template.FuncMap{
	"lines": func(s string) []string { return strings.Split(s, "\n") },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Record of {{.Cover.Person}}</title>
<style>
body { font-family: "DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", sans-serif; max-width: 48em; margin: 2em auto; line-height: 1.45; }
.cover { page-break-after: always; }
.review { border: 1px solid #a04000; padding: 0 1em; }
.flag { color: #963c00; font-weight: bold; }
dl { display: grid; grid-template-columns: 14em 1fr; gap: 0.2em 1em; }
dt { font-weight: bold; }
dd { margin: 0; }
@page { margin: 18mm; @bottom-center { content: "page " counter(page) " of " counter(pages); } }
</style>
</head>
<body>
<section class="cover">
<h1>Your record held by the Enhanced RECONNECT service</h1>
<h2 dir="auto">{{.Cover.Person}}</h2>
<dl>
<dt>Person</dt><dd>{{.Cover.PersonID}}</dd>
<dt>Made</dt><dd>{{.Made}} (UK time)</dd>
<dt>Made by</dt><dd>{{.Cover.By}}</dd>
<dt>Holds</dt><dd>{{.Holds}}</dd>
</dl>
<div class="review">
<h3>For the reviewer, before release</h3>
{{range .Cover.Warning}}<p>{{.}}</p>
{{end}}</div>
</section>
{{range .Blocks}}{{if eq .Kind.Name "section"}}<h2>{{.Text}}</h2>
{{else if eq .Kind.Name "heading"}}<h3>{{.Text}}</h3>
{{else if eq .Kind.Name "subheading"}}<h4>{{.Text}}</h4>
{{else if eq .Kind.Name "field"}}<dl><dt>{{.Label}}</dt><dd{{if .Name}} dir="auto"{{end}}>{{range $i, $l := lines .Text}}{{if $i}}<br>{{end}}{{$l}}{{end}}</dd></dl>
{{else if eq .Kind.Name "text"}}<p>{{range $i, $l := lines .Text}}{{if $i}}<br>{{end}}{{$l}}{{end}}</p>
{{else if eq .Kind.Name "flag"}}<p class="flag">{{.Text}}</p>
{{end}}{{end}}</body>
</html>
`))

// HTML writes the document as one HTML page: the same content as the PDF.
func HTML(d Document) ([]byte, error) {
	var b bytes.Buffer
	err := htmlPage.Execute(&b, struct {
		Document
		Made, Holds string
	}{d, d.Cover.GeneratedAt.In(clock.London()).Format("Monday 2 January 2006 at 15:04"), countsLine(d.Cover)})
	return b.Bytes(), err
}
