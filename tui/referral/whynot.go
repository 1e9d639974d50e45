package referral

import "charm.land/bubbles/v2/key"

// WhyNot says why one of the referral's actions does nothing now (common.Explainer), in
// the sentence the key itself answers with (whyNot); "" when it works.
func (m *Model) WhyNot(b key.Binding) string {
	for _, a := range []struct {
		name string
		b    key.Binding
	}{{"duplicate", m.keys.Duplicate}, {"screen", m.keys.Screen}, {"consult", m.keys.Consult}, {"withdraw", m.keys.Withdraw}} {
		if b.Help() != a.b.Help() {
			continue
		}
		if !m.loaded {
			return "the referral is still loading"
		}
		return whyNot(a.name, m.rec.ref)
	}
	return ""
}

// live is b, disabled when action does nothing on this referral now.
func (m *Model) live(action string, b key.Binding) key.Binding {
	if !m.loaded || whyNot(action, m.rec.ref) != "" {
		b.SetEnabled(false)
	}
	return b
}
