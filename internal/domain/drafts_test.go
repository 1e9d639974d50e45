package domain

import (
	"errors"
	"testing"
)

func TestCheckDraftEdit(t *testing.T) {
	for _, tc := range []struct {
		name           string
		author, editor int64
		signed         bool
		want           error
	}{
		{"the author edits their draft", 3, 3, false, nil},
		{"another clinician", 3, 4, false, ErrNotAuthor},
		{"no one is signed in", 3, 0, false, ErrNotAuthor},
		{"signed, by its author", 3, 3, true, ErrSigned},
		{"signed, by another", 3, 4, true, ErrSigned},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := CheckDraftEdit(tc.author, tc.editor, tc.signed); !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("CheckDraftEdit = %v, want %v", err, tc.want)
			}
		})
	}
}
