package common

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
)

// ViewRecorder keeps in the audit that a record was opened (docs/RULES.md, "What is
// audited"): the store's RecordViewed.
type ViewRecorder interface {
	RecordViewed(ctx context.Context, actor string, at time.Time, entity string, id int64) error
}

// Viewed is the command that keeps that this session opened record entity ("referral",
// "case" or "note") id. A write that fails is said in the status line; the record is
// shown all the same: a clinician must never be kept from a record by the audit.
func (c Common) Viewed(r ViewRecorder, entity string, id int64) tea.Cmd {
	ctx, actor, clk := c.Ctx, c.Actor, c.Clock
	return func() tea.Msg {
		if err := r.RecordViewed(ctx, actor, clk.Now(), entity, id); err != nil {
			return ErrorMsg{Err: fmt.Errorf("the audit could not keep that this %s was opened: %w", entity, err)}
		}
		return nil
	}
}
