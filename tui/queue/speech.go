package queue

import "caseload/tui/common"

var _ common.Speaker = (*Model)(nil)

// Speech says the queue and the referral under the cursor (common.Speaker).
func (m *Model) Speech() []string { return m.list.Speech() }
