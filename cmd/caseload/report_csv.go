package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"caseload/internal/csvfile"
	"caseload/internal/export"
	"caseload/internal/report"
)

// reportCSV writes each of the report's tables (report.Tables, small counts always
// suppressed: a CSV is what leaves the team) to its own file in the folder o.out,
// made if missing and readable by its owner only, each file whole or not at all.
func (a *cli) reportCSV(r report.Report, o reportOptions) error {
	if err := os.MkdirAll(o.out, 0o700); err != nil {
		return fmt.Errorf("%s: the folder could not be made: %w", o.out, err)
	}
	tables := report.Tables(r, true)
	// Every file is checked before any is written, so an existing one refuses the lot.
	for _, t := range tables {
		if err := export.CheckTarget(filepath.Join(o.out, t.Name+".csv"), o.force); err != nil {
			return err
		}
	}
	for _, t := range tables {
		var b bytes.Buffer
		w := csvfile.NewWriter(&b, t.Columns, t.Numeric...)
		for _, row := range t.Rows {
			_ = w.Write(row) // kept by the writer and returned by Flush
		}
		if err := w.Flush(); err != nil {
			return err
		}
		if err := export.WriteFile(filepath.Join(o.out, t.Name+".csv"), b.Bytes(), o.force); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(a.stdout, "Wrote %d tables to %s (counts below 5 shown as <5).\n", len(tables), o.out)
	return err
}
