package spoken

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// marks are the signs drawn beside a result or a row, in the words a screen reader
// should say instead: most would say "check mark" or nothing at all.
var marks = strings.NewReplacer(
	"✓ ", "passes: ", "✗ ", "fails: ", "⚠ ", "warning: ", "› ", "", "• ", "", "…", "", "│", ",",
	" · ", ", ", "·", ",", "←", "", "→", "", "┃", "", "─", "", "━", "",
)

// Words is a drawn line as it should be said: no styling, no marks or rules, one space
// between words.
func Words(s string) string {
	s = strings.TrimSpace(ansi.Strip(s))
	if rest, ok := strings.CutPrefix(s, "? "); ok { // the checklist's sign for a fact not known
		s = "not known: " + rest
	}
	s = marks.Replace(s + " ")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, " ,", ",")
	s = spans.ReplaceAllStringFunc(s, span)
	s = strings.NewReplacer(" hours 0 minutes", " hours", " hour 0 minutes", " hour").Replace(s)
	return strings.TrimSuffix(s, ",")
}

// Sentence is Words ended with a full stop, unless it already ends as a sentence does.
func Sentence(s string) string {
	s = Words(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, ":") {
		return s
	}
	return s + "."
}

// Capital is s with its first letter a capital, as a sentence begins.
func Capital(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// spans are the clocks' short spans ("5d 5h", "3h 07m", "48h"): read aloud they would
// be "5 d 5 h".
var spans = regexp.MustCompile(`\b(\d+)([dhm])\b`)

var units = map[string]string{"d": "day", "h": "hour", "m": "minute"}

func span(s string) string {
	m := spans.FindStringSubmatch(s)
	n, _ := strconv.Atoi(m[1])
	unit := units[m[2]]
	if n != 1 {
		unit += "s"
	}
	return strconv.Itoa(n) + " " + unit
}

// keyNames are the footer's key signs as they are said.
var keyNames = strings.NewReplacer("↑", "up", "↓", "down", "←", "left", "→", "right", "/", " or ",
	"esc", "escape", "?", "question mark", "pgdn", "page down", "pgup", "page up", "shift+tab", "shift tab", "ctrl+", "control ", ":", "colon")

// Key is a key as help shows it ("↑/k", "esc") in words ("up or k", "escape").
func Key(k string) string {
	if k == "/" {
		return "slash"
	}
	if k == ":" {
		return "colon"
	}
	if r := []rune(k); len(r) == 1 && r[0] >= 'A' && r[0] <= 'Z' { // read aloud, G and g sound the same
		return "shift " + strings.ToLower(k)
	}
	return strings.Join(strings.Fields(keyNames.Replace(k)), " ")
}

// Keys is the sentence naming bindings, given as help's key and description pairs:
// "Keys: s screen, escape back."
func Keys(pairs [][2]string) string {
	var ks []string
	for _, p := range pairs {
		if p[0] != "" {
			ks = append(ks, Key(p[0])+" "+p[1])
		}
	}
	if len(ks) == 0 {
		return ""
	}
	return "Keys: " + strings.Join(ks, ", ") + "."
}

// Pair is a line drawn as a label in a column labelWidth cells wide and a value after it
// ("NHS number   999 000 0018") said as "NHS number: 999 000 0018.". A line whose
// column is not blank at its last cell (the longest label leaves it so) is no pair, and
// is said as it stands; a value's later lines, under a blank label, are said alone.
func Pair(line string, labelWidth int) string {
	r := []rune(ansi.Strip(line))
	if len(r) <= labelWidth || r[labelWidth-1] != ' ' {
		return Sentence(string(r))
	}
	label, value := strings.TrimSpace(string(r[:labelWidth])), strings.TrimSpace(string(r[labelWidth:]))
	if len(strings.Fields(label)) > 3 || strings.ContainsAny(label, ":.;") { // a sentence that happens to have a space there
		return Sentence(string(r))
	}
	if label == "" {
		return Sentence(value)
	}
	return Sentence(Capital(label) + ": " + value)
}

// Answer is a text field's answer as it is said: "empty", or "it says: " and its words
// on one line.
func Answer(text string) string {
	if v := strings.Join(strings.Fields(text), " "); v != "" {
		return "it says: " + v
	}
	return "empty"
}
