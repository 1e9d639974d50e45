package common

import (
	"errors"
	"reflect"
	"testing"
)

func TestExactly(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		n, w  int
		want  []string
	}{
		{"padded", []string{"ab"}, 3, 4, []string{"ab  ", "    ", "    "}},
		{"cut", []string{"one", "two", "six"}, 2, 6, []string{"one   ", "two … "}},
		{"fitted", []string{"a longer line"}, 1, 5, []string{"a lo…"}},
		{"none", []string{"x"}, 0, 5, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Exactly(tt.lines, tt.n, tt.w); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSentence(t *testing.T) {
	marker := errors.New("measure refused")
	tests := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{errors.New("give the day"), "Give the day."},
		{errors.New("measure refused: give the day"), "Measure refused: give the day."},
		{errors.Join(marker), "Measure refused."},
		{errors.New("Done."), "Done."},
		{errors.New("élan"), "Élan."},
	}
	for _, tt := range tests {
		if got := Sentence(tt.err); got != tt.want {
			t.Errorf("Sentence(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	if got := Sentence(errors.New("measure refused: give the day"), marker); got != "Give the day." {
		t.Errorf("with the marker dropped: %q", got)
	}
}
