package teamload

import "caseload/tui/common"

var _ common.Speaker = (*Model)(nil)

// Speech says the team and the clinician under the cursor (common.Speaker).
func (m *Model) Speech() []string { return m.list.Speech() }
