package main

import (
	"bytes"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// Help wraps at word boundaries (docs/CONFIG.md is the page; this is --help): fang lays
// the commands and flags out as one line each, their descriptions in a column as far
// right as the longest usage, and never wraps them, so an 80-column terminal broke them
// mid-word. When help is asked for, its text is gathered and each line too wide is
// rewrapped: a description goes under its usage, indented, and words are never split.

// fang reads its width once from the terminal (at most 120) or from this variable, which
// its own tests use; told a width nothing reaches, it wraps nothing, and every line is
// wrapped here, once, at word boundaries. Only help's layout reads it.
func init() {
	if os.Getenv("__FANG_TEST_WIDTH") == "" {
		_ = os.Setenv("__FANG_TEST_WIDTH", "100000")
	}
}

// wantsHelp reports whether args ask for help: -h or --help anywhere before "--", or
// the help command first.
func wantsHelp(args []string) bool {
	if len(args) > 0 && args[0] == "help" {
		return true
	}
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "-h" || a == "--help" {
			return true
		}
	}
	return false
}

// helpWidth is the width help is wrapped to: $COLUMNS, else the terminal's, else 80.
func helpWidth(env func(string) string, out io.Writer) int {
	if n, err := strconv.Atoi(env("COLUMNS")); err == nil && n >= 20 {
		return n
	}
	if f, ok := out.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w >= 20 {
			return w
		}
	}
	return 80
}

// helpColumn is the gap between a usage and its description in fang's tables.
var helpColumn = regexp.MustCompile(`\S( {2,})\S`)

// wrapHelp rewraps every line of text wider than width at word boundaries. A paragraph
// of prose (the long description, two in, with the line breaks its source has) is
// reflowed as one when any of its lines is too wide.
func wrapHelp(text string, width int) string {
	var out []string
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " ")
		if prose(line) {
			j := i
			for j < len(lines) && prose(strings.TrimRight(lines[j], " ")) {
				j++
			}
			out = append(out, reflow(lines[i:j], width)...)
			i = j - 1
			continue
		}
		if ansi.StringWidth(line) <= width {
			out = append(out, line)
			continue
		}
		out = append(out, wrapLine(ansi.Strip(line), width)...)
	}
	return strings.Join(out, "\n")
}

// prose is a line of a long description: two spaces in, not a heading (fang's are in
// capitals).
func prose(line string) bool {
	plain := ansi.Strip(line)
	if !strings.HasPrefix(plain, "  ") || strings.HasPrefix(plain, "   ") {
		return false
	}
	t := strings.TrimSpace(plain)
	return t != "" && strings.ToUpper(t) != t
}

// reflow is a paragraph's lines as they are if they fit, else rewrapped as one.
func reflow(lines []string, width int) []string {
	fits := true
	var words []string
	for _, l := range lines {
		l = strings.TrimRight(l, " ")
		fits = fits && ansi.StringWidth(l) <= width
		words = append(words, strings.Fields(ansi.Strip(l))...)
	}
	if fits {
		out := make([]string, len(lines))
		for i, l := range lines {
			out[i] = strings.TrimRight(l, " ")
		}
		return out
	}
	return hanging(strings.Join(words, " "), 2, 2, width)
}

// wrapLine wraps one plain line: a table row becomes its usage then its description
// four further in; any other line keeps its indent on each line it becomes.
func wrapLine(line string, width int) []string {
	indent := len(line) - len(strings.TrimLeft(line, " "))
	if ansi.StringWidth(line) <= width {
		return []string{line}
	}
	if m := helpColumn.FindStringSubmatchIndex(line); m != nil && m[2] > indent {
		usage, desc := line[:m[2]], strings.TrimLeft(line[m[3]:], " ")
		return slices.Concat(hanging(usage, indent, indent+2, width), hanging(desc, indent+4, indent+4, width))
	}
	return hanging(line, indent, indent+2, width)
}

// hanging wraps s's words to width: the first line at first spaces in, the rest at rest.
// A word longer than the room is put on its own line whole, never split.
func hanging(s string, first, rest, width int) []string {
	var out []string
	cur, pad := "", first
	for _, w := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = w
		case pad+ansi.StringWidth(cur)+1+ansi.StringWidth(w) <= width:
			cur += " " + w
		default:
			out = append(out, strings.Repeat(" ", pad)+cur)
			cur, pad = w, rest
		}
	}
	if cur != "" {
		out = append(out, strings.Repeat(" ", pad)+cur)
	}
	return out
}

// helpOut gathers help's text to rewrap it as it is written out (flush).
type helpOut struct {
	to    io.Writer
	width int
	buf   bytes.Buffer
}

func (h *helpOut) Write(p []byte) (int, error) { return h.buf.Write(p) }

func (h *helpOut) flush() {
	_, _ = io.WriteString(h.to, wrapHelp(h.buf.String(), h.width))
}
