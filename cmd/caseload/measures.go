package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"caseload/internal/csvfile"
	"caseload/internal/domain"
	"caseload/store"
)

// measuresCommand lists the outcome measures the app ships, with their scoring, time
// points and licences, and how much of their wording the service has entered
// (docs/RULES.md, "Outcome measures").
func (a *cli) measuresCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "measures",
		Short: "List the outcome measures, their scoring and licences, and enter their wording",
		Long: "measures prints each outcome measure the app ships: how it is entered, its range,\n" +
			"clinical cut-off and reliable change, the time points it is taken at, its licence\n" +
			"and copyright line, and how many items have the wording the service entered from\n" +
			"its own licensed copy (caseload measures wording).",
		Example: "  caseload measures --db team.db",
		Args:    cobra.NoArgs,
		RunE: a.runs(func(ctx context.Context, _ []string) error {
			return a.withSnapshot(ctx, func(st *store.Store) error {
				wordings, err := st.MeasureWordings(ctx)
				if err != nil {
					return err
				}
				return writeMeasures(a, wordings)
			})
		}),
	}
	cmd.AddCommand(a.measuresWordingCommand())
	return cmd
}

// writeMeasures prints one block a measure.
func writeMeasures(a *cli, wordings map[string]map[int]string) error {
	w := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	for i, d := range domain.Measures() {
		if i > 0 {
			fmt.Fprintln(w)
		}
		t := d.Total()
		fmt.Fprintf(w, "%s (%s, version %s)\n", d.Name, d.ID, d.Version)
		entry := fmt.Sprintf("%d items, item by item", len(d.Items))
		if d.Entry == domain.EntryTotals {
			entry = "as totals"
		}
		fmt.Fprintf(w, "  entered\t%s; total %s to %s, %s is better\n", entry, strconv.FormatFloat(t.Min, 'f', -1, 64),
			strconv.FormatFloat(t.Max, 'f', -1, 64), d.Better)
		if c := d.ClinicalCutOff; c != nil {
			fmt.Fprintf(w, "  clinical cut-off\t%s\n", strconv.FormatFloat(*c, 'f', -1, 64))
		}
		rc := "none shipped"
		if d.ReliableChange > 0 {
			rc = strconv.FormatFloat(d.ReliableChange, 'f', -1, 64) + " points"
		}
		fmt.Fprintf(w, "  reliable change\t%s\n", rc)
		var points []string
		for _, p := range d.Points {
			points = append(points, p.Words())
		}
		fmt.Fprintf(w, "  taken\t%s\n", cmp.Or(strings.Join(points, ", "), "when the service chooses"))
		if d.Entry == domain.EntryItems {
			fmt.Fprintf(w, "  wording\t%d of %d items entered by the service\n", len(wordings[d.ID]), len(d.Items))
		}
		fmt.Fprintf(w, "  licence\t%s\n", d.Licence)
		fmt.Fprintf(w, "  copyright\t%s\n", d.Copyright)
	}
	return w.Flush()
}

// measuresWordingCommand enters items' wording from a CSV file.
func (a *cli) measuresWordingCommand() *cobra.Command {
	var file string
	cmd := &cobra.Command{
		Use:   "wording MEASURE --file FILE.csv",
		Short: "Enter the wording of a measure's items from the service's licensed copy (a lead's)",
		Long: "wording enters the wording of items of MEASURE (core-10, wai-sr) from a CSV file\n" +
			"with the columns item and wording, one row an item, typed from the service's own\n" +
			"licensed copy of the form without change. The app ships no wording it could not\n" +
			"confirm from a primary source. Earlier wording is kept; the latest is shown.",
		Example: "  caseload measures wording --db team.db core-10 --file core10-wording.csv",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage("measures wording needs the measure: caseload measures wording MEASURE --file FILE.csv")
			}
			return nil
		},
		RunE: a.runs(func(ctx context.Context, args []string) error {
			if file == "" {
				return usage("measures wording needs --file FILE.csv with the columns item and wording")
			}
			f, err := os.Open(file)
			if err != nil {
				return fmt.Errorf("cannot read %s: %w", file, err)
			}
			defer f.Close()
			wordings := map[int]string{}
			problems := csvfile.Read(f, []string{"item", "wording"}, func(line int, rec, cols []string) []csvfile.LineError {
				var item int
				var text string
				for i, c := range cols {
					switch c {
					case "item":
						n, err := strconv.Atoi(strings.TrimSpace(rec[i]))
						if err != nil || n < 1 {
							return []csvfile.LineError{{Line: line, Column: c, Msg: fmt.Sprintf("%q is not an item number", rec[i])}}
						}
						item = n
					case "wording":
						text = rec[i]
					}
				}
				if _, twice := wordings[item]; twice {
					return []csvfile.LineError{{Line: line, Column: "item", Msg: fmt.Sprintf("item %d is given twice", item)}}
				}
				wordings[item] = text
				return nil
			})
			if len(problems) > 0 {
				for _, p := range problems {
					fmt.Fprintln(a.stderr, p.Error())
				}
				return errReported
			}
			return a.withStore(ctx, func(st *store.Store) error {
				if err := st.SetMeasureWordings(ctx, a.actor, a.clock.Now(), args[0], wordings); err != nil {
					return err
				}
				return a.say("entered the wording of %d items of %s\n", len(wordings), args[0])
			})
		}),
	}
	cmd.Flags().StringVar(&file, "file", "", "the CSV file of item and wording")
	return cmd
}
