package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"caseload/internal/anchor"
	"caseload/store"
)

// The anchored chain (docs/BACKUP.md, "Checkpoints"): every verify, backup and restore
// pins the audit chain's head in a signed checkpoint kept outside the database, and
// checks that the chain still extends every checkpoint recorded before.

// keyFolder is where the anchor key, anchor.pub and the default anchors file live: the
// data folder, never the database's own (a key beside the file it vouches for would go
// with it, and could be used to re-sign a rewritten chain).
func (a *cli) keyFolder() (string, error) {
	dir, err := dataFolder(a.env)
	if err != nil {
		return "", usage("%v: set XDG_DATA_HOME or HOME, where the anchor key is kept", err)
	}
	return dir, nil
}

// anchorsFile is --anchors FILE, else the anchors file in the key folder.
func (a *cli) anchorsFile(flag string) (string, error) {
	if flag != "" {
		return filepath.Abs(flag)
	}
	dir, err := a.keyFolder()
	return filepath.Join(dir, anchor.AnchorFile), err
}

// anchorSet is what one or more anchors files hold: the checkpoints whose signatures
// hold, a sentence for every line that cannot be trusted, and the files not there yet.
type anchorSet struct {
	checkpoints []anchor.Checkpoint
	problems    []string
	missing     []string
}

// readAnchors reads each anchors file, trusting the public keys of the key folder's
// anchor.pub and of an anchor.pub beside the file (a backup folder carries its own, for
// the day the server is lost). A checkpoint in two files counts once.
func (a *cli) readAnchors(paths ...string) (anchorSet, error) {
	var set anchorSet
	dir, err := a.keyFolder()
	if err != nil {
		return set, err
	}
	seen := map[string]bool{}
	for _, path := range paths {
		var keys []anchor.PublicKey
		for _, pub := range uniq(filepath.Join(dir, anchor.PubFile), filepath.Join(filepath.Dir(path), anchor.PubFile)) {
			ks, problems, err := anchor.PublicKeys(pub)
			if err != nil {
				return set, fmt.Errorf("cannot read %s: %w", pub, err)
			}
			keys = append(keys, ks...)
			set.problems = append(set.problems, problems...)
		}
		l, err := anchor.Load(path, keys)
		if err != nil {
			return set, err
		}
		if l.Missing {
			set.missing = append(set.missing, path)
		}
		set.problems = append(set.problems, l.Problems...)
		for _, c := range l.Checkpoints {
			if !seen[c.Signature] {
				seen[c.Signature] = true
				set.checkpoints = append(set.checkpoints, c)
			}
		}
	}
	return set, nil
}

func uniq(paths ...string) []string {
	var out []string
	for _, p := range paths {
		if len(out) == 0 || out[len(out)-1] != p {
			out = append(out, p)
		}
	}
	return out
}

// chainHead is the head of st's chain as a checkpoint names it; file is the database's
// own name (a restore checks a temporary copy in the name of the file it becomes).
func chainHead(ctx context.Context, st *store.Store, file string) (anchor.Head, error) {
	h, err := st.ChainHead(ctx)
	if err != nil {
		return anchor.Head{}, err
	}
	abs, err := filepath.Abs(file)
	return anchor.Head{Database: h.Database, File: abs, Entry: h.Entry, Hash: h.Hash}, err
}

// errAnchors is a chain that does not extend its checkpoints, or an anchors file with
// lines that cannot be trusted: each problem, one sentence each.
type errAnchors []string

func (e errAnchors) Error() string { return strings.Join(e, "; ") }

// checkAnchors checks the chain at head against the checkpoints in set; it returns nil
// or an errAnchors naming every problem.
func checkAnchors(ctx context.Context, st *store.Store, head anchor.Head, set anchorSet) error {
	problems, err := anchor.Check(head, func(id int64) (string, bool, error) { return st.AuditHash(ctx, id) }, set.checkpoints)
	if err != nil {
		return err
	}
	if all := append(append([]string(nil), set.problems...), problems...); len(all) > 0 {
		return errAnchors(all)
	}
	return nil
}

// record signs a checkpoint of head with the anchor key (made on first use) and
// appends it to each anchors file.
func (a *cli) record(head anchor.Head, by, backup string, files ...string) (anchor.Checkpoint, error) {
	dir, err := a.keyFolder()
	if err != nil {
		return anchor.Checkpoint{}, err
	}
	key, err := anchor.Key(dir, a.clock.Now())
	if err != nil {
		return anchor.Checkpoint{}, err
	}
	c := anchor.New(head, a.clock.Now(), by, backup).Sign(key)
	for _, f := range files {
		if err := anchor.Append(f, c); err != nil {
			return anchor.Checkpoint{}, err
		}
	}
	return c, nil
}

// anchorVerified is verify's part in the anchored chain: the problems of st's chain
// against every checkpoint of it (each a sentence), and, for a file that verified
// whole, record, which pins its head in a new checkpoint.
func (a *cli) anchorVerified(ctx context.Context, st *store.Store, flag string) (problems []string, record func() error, err error) {
	file, err := a.anchorsFile(flag)
	if err != nil {
		return nil, nil, err
	}
	set, err := a.readAnchors(file)
	if err != nil {
		return nil, nil, err
	}
	head, err := chainHead(ctx, st, st.Path())
	if err != nil {
		return nil, nil, err
	}
	var ea errAnchors
	if err := checkAnchors(ctx, st, head, set); errors.As(err, &ea) {
		problems = ea
	} else if err != nil {
		return nil, nil, err
	}
	// The file verified whatever becomes of its checkpoint: one that cannot be written
	// (no data folder for this account, a read-only one) is said, not failed.
	record = func() error {
		if _, err := a.record(head, anchor.ByVerify, "", file); err != nil {
			_, werr := fmt.Fprintf(a.stderr, "caseload: the database verified, but its checkpoint was not recorded: %v\n", err)
			return werr
		}
		return nil
	}
	return problems, record, nil
}
