package accessrequests

import "charm.land/bubbles/v2/key"

// WhyNot says why extend or answered does nothing now (common.Explainer): they act on
// the open request under the cursor; "" when it works.
func (m *Model) WhyNot(b key.Binding) string {
	if b.Help() != m.keys.Extend.Help() && b.Help() != m.keys.Answer.Help() {
		return ""
	}
	switch r := m.selected(); {
	case r == nil:
		return "no request is selected"
	case !r.Open():
		return "the request under the cursor is answered already"
	}
	return ""
}
