package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"caseload/internal/anchor"
)

func (a *cli) anchorsCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "anchors",
		Short: "Show the checkpoints of the audit chain, or make a new anchor key",
		Long: "Every verify, backup and restore records a checkpoint: where the audit chain ended,\n" +
			"signed with the anchor key kept in the data folder, never in the database. anchors\n" +
			"show lists the public keys and the checkpoints; anchors rotate makes a new key (the\n" +
			"old public keys stay in anchor.pub, so old checkpoints stay verifiable).",
		RunE: a.runs(func(context.Context, []string) error {
			return usage("anchors needs a command: show or rotate")
		}),
	}
	cmd.AddCommand(a.anchorsShowCommand(), a.anchorsRotateCommand())
	return cmd
}

func (a *cli) anchorsRotateCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "rotate",
		Short: "Make a new anchor key; the old public keys stay in anchor.pub",
		Args:  cobra.NoArgs,
		RunE: a.runs(func(context.Context, []string) error {
			dir, err := a.keyFolder()
			if err != nil {
				return err
			}
			pk, err := anchor.Rotate(dir, a.clock.Now())
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(a.stdout, "new anchor key: ed25519 %s (made %s)\nnew checkpoints are signed with it; "+
				"every older public key stays in %s, so the checkpoints they signed stay verifiable\n",
				pk.Key, pk.Created.In(a.london).Format("2 January 2006 15:04"), filepath.Join(dir, anchor.PubFile))
			return err
		}),
	}
}

// shownAnchors is anchors show --format json. Its fields are a contract.
type shownAnchors struct {
	AnchorsFile string              `json:"anchors_file"`
	Keys        []shownKey          `json:"keys"`
	Checkpoints []anchor.Checkpoint `json:"checkpoints"`
	Problems    []string            `json:"problems"`
}

type shownKey struct {
	Key     string `json:"key"`
	Created string `json:"created"`
}

func (a *cli) anchorsShowCommand() *cobra.Command {
	var (
		format, anchors string
		pretty          bool
	)
	cmd := &cobra.Command{
		Use:     "show [--anchors FILE] [--format table|json]",
		Short:   "List the anchor public keys and the checkpoints in an anchors file",
		Example: "  caseload anchors show\n  caseload anchors show --anchors /backups/caseload/anchors --format json",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(context.Context, []string) error {
			if format != "table" && format != "json" {
				return usage("--format %q is not a format: use table or json", format)
			}
			file, err := a.anchorsFile(anchors)
			if err != nil {
				return err
			}
			set, err := a.readAnchors(file)
			if err != nil {
				return err
			}
			dir, _ := a.keyFolder()
			out := shownAnchors{AnchorsFile: file, Keys: []shownKey{}, Checkpoints: set.checkpoints, Problems: set.problems}
			for _, pub := range uniq(filepath.Join(dir, anchor.PubFile), filepath.Join(filepath.Dir(file), anchor.PubFile)) {
				keys, _, err := anchor.PublicKeys(pub)
				if err != nil {
					return err
				}
				for _, k := range keys {
					out.Keys = append(out.Keys, shownKey{k.Key, k.Created.Format(time.RFC3339)})
				}
			}
			if out.Checkpoints == nil {
				out.Checkpoints = []anchor.Checkpoint{}
			}
			if out.Problems == nil {
				out.Problems = []string{}
			}
			if format == "json" {
				enc := json.NewEncoder(a.stdout)
				if pretty {
					enc.SetIndent("", "  ")
				}
				err = enc.Encode(out)
			} else {
				err = a.showAnchorsTable(out, len(set.missing) > 0)
			}
			if err == nil && len(set.problems) > 0 {
				for _, p := range set.problems {
					fmt.Fprintln(a.stderr, "caseload: "+p)
				}
				return errReported
			}
			return err
		}),
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	prettyFlag(cmd, &pretty)
	cmd.Flags().StringVar(&anchors, "anchors", "", "the anchors file (default: anchors in the data folder)")
	return cmd
}

func (a *cli) showAnchorsTable(out shownAnchors, missing bool) error {
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "KEY\tMADE")
	for _, k := range out.Keys {
		t, _ := time.Parse(time.RFC3339, k.Created)
		fmt.Fprintf(w, "ed25519 %s\t%s\n", k.Key, t.In(a.london).Format("2 Jan 2006 15:04"))
	}
	if len(out.Keys) == 0 {
		fmt.Fprintln(w, "(none yet: the first verify or backup makes the key)\t")
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if missing {
		_, err := fmt.Fprintf(a.stdout, "\nno checkpoints yet: %s does not exist (the first verify or backup makes it)\n", out.AnchorsFile)
		return err
	}
	fmt.Fprintf(a.stdout, "\ncheckpoints in %s:\n", out.AnchorsFile)
	w = tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "AT\tBY\tENTRY\tHASH\tDATABASE\tFILE\tBACKUP")
	for _, c := range out.Checkpoints {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Time().In(a.london).Format("2 Jan 2006 15:04"), c.By,
			anchor.Number(c.Entry), c.Hash[:12], c.Database[:12], c.File, c.Backup)
	}
	return w.Flush()
}
