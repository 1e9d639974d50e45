package note

import (
	"errors"

	"charm.land/bubbles/v2/key"

	"caseload/internal/domain"
)

// WhyNot says why edit, sign or addendum does nothing on this note now (common.Explainer),
// in the words the key itself answers with; "" when it works.
func (m *Model) WhyNot(b key.Binding) string {
	n := m.note
	switch {
	case !m.loaded:
		return "the note is still loading"
	case b.Help() == m.keys.Edit.Help(), b.Help() == m.keys.Sign.Help():
		switch err := domain.CheckDraftEdit(n.AuthorID, m.com.Me.ID, n.Signed()); {
		case errors.Is(err, domain.ErrSigned):
			return "the note is signed: add an addendum (a) instead"
		case err != nil:
			return "a draft is its author's to change and sign"
		}
	case b.Help() == m.keys.Addendum.Help():
		if !n.Signed() {
			return "a draft is edited (e), not given addenda"
		}
	}
	return ""
}
