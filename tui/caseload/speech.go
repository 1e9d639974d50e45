package caseload

import "caseload/tui/common"

var _ common.Speaker = (*Model)(nil)

// Speech says the list and the case under the cursor (common.Speaker).
func (m *Model) Speech() []string { return m.list.Speech() }
