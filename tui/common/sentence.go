package common

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is err as a sentence for a person: the words of the marker errors in drop
// taken off its front ("measure refused: give the day" becomes "Give the day."), the
// first letter capitalised, and a full stop at the end unless it has one.
func Sentence(err error, drop ...error) string {
	if err == nil {
		return ""
	}
	s := err.Error()
	for _, d := range drop {
		s = strings.TrimPrefix(s, d.Error()+": ")
	}
	if s == "" {
		return ""
	}
	s = Capital(s)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// Capital is s with its first letter a capital.
func Capital(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
