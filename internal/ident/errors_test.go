package ident

import (
	"errors"
	"strings"
	"testing"
)

// checkErr fails t unless err is an *Error of the wanted kind whose message
// contains every fragment in want. Shared by the parser tests.
func checkErr(t *testing.T, input string, err error, kind error, want ...string) {
	t.Helper()
	if err == nil {
		t.Errorf("%q: got no error, want %v", input, kind)
		return
	}
	if !errors.Is(err, kind) {
		t.Errorf("%q: error %q is not %v", input, err, kind)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("%q: error %T is not *ident.Error", input, err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%q: message %q does not contain %q", input, err, w)
		}
	}
}

func TestErrorMessageHasNoSentinelPrefix(t *testing.T) {
	err := error(&Error{Kind: ErrFormat, Msg: "CRN \"X1\" is not in the form X123456"})
	if got := err.Error(); got != `CRN "X1" is not in the form X123456` {
		t.Errorf("Error() = %q", got)
	}
	if !errors.Is(err, ErrFormat) || errors.Is(err, ErrDate) {
		t.Errorf("errors.Is does not follow Kind")
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"abc", `"abc"`},
		{"a\x1b[2Jb", `"a\x1b[2Jb"`},
		{strings.Repeat("x", 50), `"` + strings.Repeat("x", 40) + `"…`},
		{strings.Repeat("x", 39) + "é", `"` + strings.Repeat("x", 39) + `"…`},
	}
	for _, tt := range tests {
		if got := quote(tt.in); got != tt.want {
			t.Errorf("quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestASCIIUpperIgnoresLookalikes(t *testing.T) {
	if got := asciiUpper("a1234bſ"); got != "A1234Bſ" {
		t.Errorf("asciiUpper = %q", got)
	}
}
