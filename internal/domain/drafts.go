package domain

import "errors"

// ErrNotAuthor refuses a change to someone else's draft.
var ErrNotAuthor = errors.New("drafts belong to their author: only they can change or sign this one")

// CheckDraftEdit is the one rule of who may change a draft note or formulation version
// (docs/RULES.md, "Clinical notes"): nobody once it is signed (ErrSigned: a correction is
// an addendum, a new formulation the next version), and before then only its author.
// The store applies it inside the saving transaction; the screens apply it to say so
// before anyone types.
func CheckDraftEdit(author, editor int64, signed bool) error {
	switch {
	case signed:
		return ErrSigned
	case author != editor:
		return ErrNotAuthor
	}
	return nil
}
