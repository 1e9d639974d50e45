package ident

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Sentinel kinds, so callers can branch with errors.Is without parsing messages.
var (
	ErrFormat     = errors.New("wrong format")                              // shape is wrong
	ErrCheckDigit = errors.New("check digit wrong")                         // NHS mod 11 / PNC check letter
	ErrDate       = errors.New("not a real date")                           // e.g. 31/02/2027, or a bad date shape
	ErrLocalTime  = errors.New("local time does not exist or is ambiguous") // BST gaps/overlaps
)

// Error is what every parser returns on failure. Msg is one sentence for a
// clinician saying what is wrong with which value and what is expected; it is
// shown as is, so it carries no sentinel prefix. Kind is one of the sentinels
// above and is reached through Unwrap, so errors.Is works.
type Error struct {
	Kind error
	Msg  string
}

// Error returns Msg only: the sentence is already complete for the user.
func (e *Error) Error() string { return e.Msg }

// Unwrap returns Kind so that errors.Is(err, ErrFormat) and friends work.
func (e *Error) Unwrap() error { return e.Kind }

func errorf(kind error, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// maxQuoted keeps a pasted paragraph from swamping a one-line message.
const maxQuoted = 40

// quote shows what the user typed in Go quoting, so control characters cannot
// reach the terminal raw and stray spaces stay visible, cut short if it is long.
func quote(s string) string {
	if len(s) <= maxQuoted {
		return fmt.Sprintf("%q", s)
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%q…", s[:cut])
}

// asciiUpper uppercases ASCII letters only: strings.ToUpper would turn the
// long s (ſ) into S and the dotless i into I, letting look-alikes validate.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
