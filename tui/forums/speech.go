package forums

import "caseload/tui/common"

var _ common.Speaker = (*Model)(nil)

// Speech says the list and the meeting under the cursor (common.Speaker).
func (m *Model) Speech() []string { return m.list.Speech() }
