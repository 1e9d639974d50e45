package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"caseload/internal/domain"
)

// permit is the one place the store holds a clinician to their access (docs/RULES.md,
// "Roles"): every change reaches the audit chain, in its own transaction, with who made
// it, so refusing here refuses the whole change, whatever method made it, and the
// transaction rolls back. Only an actor "clinician:N" is asked about: the file's owner
// at a command ("os:alice"), the demo and caseload itself are not members of the team.
// N is read in this transaction, so a clinician made admin or deactivated a moment ago
// is held to it at once.
func (c *chain) permit(ctx context.Context, actor, action string) error {
	id, ok := clinicianOf(actor)
	if !ok || c.permitted[actor+" "+action] {
		return nil
	}
	var name, access string
	var active bool
	err := c.seals.tx.QueryRowContext(ctx, "SELECT name, access, active FROM clinicians WHERE id = ?", id).
		Scan(&name, &access, &active)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return &Error{Kind: ErrNotFound, Msg: fmt.Sprintf("clinician %d does not exist: choose who you are from the team list", id)}
	case err != nil:
		return err
	case !active:
		return deactivatedError("", name)
	case !domain.Permits(domain.Access(access), action):
		return &Error{Kind: ErrForbidden, Msg: domain.Refusal(name, domain.Access(access), action)}
	}
	if c.permitted == nil {
		c.permitted = map[string]bool{}
	}
	c.permitted[actor+" "+action] = true
	return nil
}

// deactivatedError is the refusal of anything by a clinician who has left.
func deactivatedError(path, name string) *Error {
	return newError(ErrConflict, path, "%s has been deactivated and can no longer write, sign or open records: nothing was saved; ask a lead", name)
}
