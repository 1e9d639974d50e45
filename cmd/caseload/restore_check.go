package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"filippo.io/age"

	"caseload/internal/anchor"
	"caseload/store"
)

// decryptInto decrypts the backup from into a new file plain (0600), saying in one
// sentence why it cannot: the wrong key, a file cut short, or one altered.
func decryptInto(from string, ids []age.Identity, identity, plain string) error {
	in, err := os.Open(from)
	if err != nil {
		return fmt.Errorf("cannot read the backup %s: %w", from, err)
	}
	defer in.Close()
	r, err := age.Decrypt(in, ids...)
	var noMatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &noMatch):
		return fmt.Errorf("%s was not encrypted to this key (%s): nothing was restored", from, identity)
	case err != nil:
		return fmt.Errorf("%s is not a whole age-encrypted backup (its beginning is missing, cut short or altered): nothing was restored", from)
	}
	out, err := os.OpenFile(plain, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, r)
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		err = fmt.Errorf("%s is cut short: it ends before its last part, so nothing was restored", from)
	case err != nil:
		err = fmt.Errorf("%s is cut short, damaged or altered: age cannot authenticate it, so nothing was restored", from)
	default:
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// checkRestored checks a restored chain against the checkpoints: the backup's own
// (by=backup with its file name) must be exactly its head, and every checkpoint up to
// that head must be extended. Checkpoints beyond it are the changes made after the
// backup, which a restore of it loses: the newest is returned to say so.
func checkRestored(ctx context.Context, st *store.Store, head anchor.Head, set anchorSet, name string) (own, newer *anchor.Checkpoint, err error) {
	var upTo []anchor.Checkpoint
	for i := range set.checkpoints {
		c := &set.checkpoints[i]
		switch {
		case c.Database == head.Database && c.Entry > head.Entry:
			if newer == nil || c.Entry > newer.Entry {
				newer = c
			}
		default:
			upTo = append(upTo, *c)
		}
		if c.Database == head.Database && c.By == anchor.ByBackup && c.Backup == name && (own == nil || c.At > own.At) {
			own = c
		}
	}
	problems, err := anchor.Check(head, func(id int64) (string, bool, error) { return st.AuditHash(ctx, id) }, upTo)
	if err != nil {
		return nil, nil, err
	}
	if own != nil && (own.Entry != head.Entry || own.Hash != head.Hash) {
		problems = append(problems, fmt.Sprintf("it is not the database its checkpoint of %s saw: that ended at audit entry %s, this ends at %s",
			anchor.When(*own), anchor.Number(own.Entry), anchor.Number(head.Entry)))
		if own.Entry == head.Entry {
			problems[len(problems)-1] += " with another hash"
		}
	}
	if all := append(append([]string(nil), set.problems...), problems...); len(all) > 0 {
		return nil, nil, errAnchors(all)
	}
	return own, newer, nil
}

// reportRestore says what was restored, and what it was checked against.
func (a *cli) reportRestore(r restored, first string) {
	h := r.held
	fmt.Fprintln(a.stdout, first)
	fmt.Fprintf(a.stdout, "it holds %s audit entries, %s people, %s referrals and %s cases\n",
		anchor.Number(h.AuditEntries), anchor.Number(h.People), anchor.Number(h.Referrals), anchor.Number(h.Cases))
	if h.LastChange.ID > 0 {
		fmt.Fprintf(a.stdout, "last change: %s by %s (%s, audit entry %s)\n", h.LastChange.At.In(a.london).Format("2 January 2006 15:04"),
			h.LastChange.Actor, h.LastChange.Action, anchor.Number(h.LastChange.ID))
	}
	switch r.own {
	case nil:
		fmt.Fprintf(a.stdout, "it verifies, but no checkpoint in %s names it (--unanchored)\n", r.anchorsFile)
	default:
		fmt.Fprintf(a.stdout, "it verifies, and matches its checkpoint of %s (audit entry %s) in %s\n",
			anchor.When(*r.own), anchor.Number(r.own.Entry), r.anchorsFile)
	}
	if r.newer != nil {
		n := r.newer.Entry - r.head.Entry
		lacks := anchor.Number(n) + " audit entries recorded after this backup are"
		if n == 1 {
			lacks = "1 audit entry recorded after this backup is"
		}
		fmt.Fprintf(a.stdout, "a later checkpoint (%s, by %s) saw audit entry %s: %s not in it\n",
			anchor.When(*r.newer), r.newer.By, anchor.Number(r.newer.Entry), lacks)
	}
}
