package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"caseload/internal/domain"
	"caseload/store"
)

// The clinicians' SSH public keys: who each is when the team reaches the server over
// SSH (caseload serve, issue 13). Each change is audited by the store.

func (a *cli) clinicianKeysCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "keys",
		Short: "Add, list or revoke the clinicians' SSH public keys",
		Long: "keys keeps each clinician's SSH public keys, which are who they are when they\n" +
			"reach the server over SSH. A revoked key stays revoked.",
		RunE: a.runs(func(context.Context, []string) error {
			return usage("clinicians keys needs a command: add, list or revoke")
		}),
	}
	cmd.AddCommand(a.clinicianKeysAddCommand(), a.clinicianKeysListCommand(), a.clinicianKeysRevokeCommand())
	return cmd
}

func (a *cli) clinicianKeysAddCommand() *cobra.Command {
	var key, file string
	cmd := &cobra.Command{
		Use:   "add ID (--key \"ssh-ed25519 AAAA… comment\" | --file PUB)",
		Short: "Register an SSH public key as a clinician's",
		Long: "add registers a public key (the one line of the clinician's .pub file, made with\n" +
			"ssh-keygen -t ed25519) as clinician ID's, and prints its fingerprint, which\n" +
			"ssh-keygen -l -f PUB shows the clinician too. Never take a private key.",
		Example: "  caseload clinicians keys add --db team.db 2 --file tom.pub\n" +
			"  caseload clinicians keys add --db team.db 2 --key \"ssh-ed25519 AAAAC3Nza… tom@laptop\"",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage("keys add needs one clinician id: caseload clinicians keys add ID --file PUB")
			}
			return nil
		},
	}
	cmd.RunE = a.runs(func(ctx context.Context, args []string) error {
		id, err := strconv.ParseInt(args[0], 10, 64)
		if err != nil || id <= 0 {
			return fmt.Errorf("%q is not a clinician id: give the number caseload clinicians list shows", args[0])
		}
		if (key == "") == (file == "") {
			return usage("keys add needs the key: --key \"ssh-ed25519 AAAA… comment\" or --file PUB, one of them")
		}
		if file != "" {
			b, err := os.ReadFile(file)
			if err != nil {
				return fmt.Errorf("cannot read %s: %w", file, err)
			}
			key = string(b)
		}
		pk, err := domain.ParsePublicKey(key)
		if err != nil {
			return err
		}
		return a.withStore(ctx, func(st *store.Store) error {
			if _, err := st.AddClinicianKey(ctx, a.actor, a.clock.Now(), id, pk); err != nil {
				return err
			}
			_, err := fmt.Fprintf(a.stdout, "added key %s (%s) for clinician %d\n", pk.Fingerprint, pk.Type, id)
			return err
		})
	})
	cmd.Flags().StringVar(&key, "key", "", "the public key, as its .pub file's one line")
	cmd.Flags().StringVar(&file, "file", "", "the clinician's .pub file")
	return cmd
}

// keyJSON is one key in keys list --format json.
type keyJSON struct {
	ID          int64  `json:"id"`
	ClinicianID int64  `json:"clinician_id"`
	Type        string `json:"type"`
	Fingerprint string `json:"fingerprint"`
	Comment     string `json:"comment"`
	AddedAt     string `json:"added_at"`
	AddedBy     string `json:"added_by"`
	RevokedAt   string `json:"revoked_at"`
	RevokedBy   string `json:"revoked_by"`
}

func (a *cli) clinicianKeysListCommand() *cobra.Command {
	var (
		format string
		pretty bool
	)
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "Print every registered key, revoked ones too",
		Example: "  caseload clinicians keys list --db team.db --format json",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			if format != "table" && format != "json" {
				return usage("--format %q is not a format: use table or json", format)
			}
			return a.withSnapshot(ctx, func(st *store.Store) error {
				ks, err := st.ClinicianKeys(ctx)
				if err != nil {
					return err
				}
				out := make([]keyJSON, len(ks))
				for i, k := range ks {
					out[i] = keyJSON{ID: k.ID, ClinicianID: k.ClinicianID, Type: k.Key.Type, Fingerprint: k.Key.Fingerprint,
						Comment: k.Key.Comment, AddedAt: k.AddedAt.UTC().Format("2006-01-02T15:04:05Z"), AddedBy: k.AddedBy, RevokedBy: k.RevokedBy}
					if !k.RevokedAt.IsZero() {
						out[i].RevokedAt = k.RevokedAt.UTC().Format("2006-01-02T15:04:05Z")
					}
				}
				if format == "json" {
					enc := json.NewEncoder(a.stdout)
					if pretty {
						enc.SetIndent("", "  ")
					}
					return enc.Encode(out)
				}
				w := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintln(w, "CLINICIAN\tFINGERPRINT\tTYPE\tCOMMENT\tADDED\tREVOKED")
				for _, k := range out {
					fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\n", k.ClinicianID, k.Fingerprint, k.Type, k.Comment, k.AddedAt, k.RevokedAt)
				}
				return w.Flush()
			})
		}),
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table or json")
	prettyFlag(cmd, &pretty)
	return cmd
}

func (a *cli) clinicianKeysRevokeCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "revoke FINGERPRINT",
		Short:   "Revoke a key: it opens no session from then on",
		Example: "  caseload clinicians keys revoke --db team.db SHA256:Xf3…",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage("keys revoke needs one fingerprint: caseload clinicians keys revoke SHA256:…")
			}
			return nil
		},
		RunE: a.runs(func(ctx context.Context, args []string) error {
			return a.withStore(ctx, func(st *store.Store) error {
				if err := st.RevokeClinicianKey(ctx, a.actor, a.clock.Now(), args[0]); err != nil {
					return err
				}
				_, err := fmt.Fprintf(a.stdout, "revoked key %s\n", args[0])
				return err
			})
		}),
	}
}
