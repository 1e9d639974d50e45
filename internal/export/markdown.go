package export

import (
	"fmt"
	"strings"

	"caseload/internal/clock"
)

// mdEscaper makes text read as written in Markdown: what would start a link, an
// emphasis, code, a table or HTML is escaped (a line's start is escapeLineStart's).
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"|", `\|`, "~", `\~`, "&", "&amp;", "<", "&lt;", ">", "&gt;")

// mdText is one line of text, escaped, with what would make it a heading, a list or a
// quote at its start escaped too.
func mdText(line string) string {
	s := mdEscaper.Replace(line)
	t := strings.TrimLeft(s, " ")
	switch {
	case t == "":
		return ""
	case strings.ContainsRune("#+-=", rune(t[0])):
		s = strings.Replace(s, t[:1], `\`+t[:1], 1)
	default:
		// "1. " or "1) " would start a numbered list.
		if i := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (t[i] == '.' || t[i] == ')') {
			s = strings.Replace(s, t[:i+1], t[:i]+`\`+t[i:i+1], 1)
		}
	}
	return strings.TrimLeft(s, " ")
}

// mdLines is text with its lines kept as lines and its blank lines as paragraph breaks.
func mdLines(text string) string {
	var b strings.Builder
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		b.WriteString(mdText(l))
		switch {
		case i == len(lines)-1:
		case strings.TrimSpace(l) == "" || strings.TrimSpace(lines[i+1]) == "":
			b.WriteString("\n")
		default:
			b.WriteString("  \n") // a line break inside a paragraph
		}
	}
	return b.String()
}

// Markdown writes the document as Markdown: the same content as the PDF, with no page
// numbers (a Markdown file has no pages).
func Markdown(d Document) []byte {
	var b strings.Builder
	c := d.Cover
	fmt.Fprintf(&b, "# Your record held by the Enhanced RECONNECT service\n\n## %s\n\n", mdText(c.Person))
	fmt.Fprintf(&b, "- **Person:** %d\n- **Made:** %s (UK time)\n- **Made by:** %s\n- **Holds:** %s\n\n", c.PersonID,
		c.GeneratedAt.In(clock.London()).Format("Monday 2 January 2006 at 15:04"), mdText(c.By), mdText(countsLine(c)))
	b.WriteString("### For the reviewer, before release\n\n")
	for _, w := range c.Warning() {
		b.WriteString(mdText(w) + "\n\n")
	}
	for i, bl := range d.Blocks {
		if i > 0 && d.Blocks[i-1].Kind == Field && bl.Kind != Field {
			b.WriteString("\n") // a field list ends
		}
		switch bl.Kind {
		case Section:
			fmt.Fprintf(&b, "## %s\n\n", mdText(bl.Text))
		case Heading:
			fmt.Fprintf(&b, "### %s\n\n", mdText(bl.Text))
		case Subheading:
			fmt.Fprintf(&b, "#### %s\n\n", mdText(bl.Text))
		case Field:
			fmt.Fprintf(&b, "- **%s:** %s\n", mdText(bl.Label), strings.ReplaceAll(mdLines(bl.Text), "\n", "\n  "))
		case Text:
			b.WriteString(mdLines(bl.Text) + "\n\n")
		case Flag:
			fmt.Fprintf(&b, "> **%s**\n\n", mdText(bl.Text))
		}
	}
	return []byte(b.String())
}
