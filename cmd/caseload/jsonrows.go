package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/spf13/cobra"
)

// The headless commands write JSON compact, one array element after another as each is
// read, so a list of 100,000 referrals never sits whole in memory (docs/PERFORMANCE.md,
// "Issue 17: streaming headless lists"); --pretty gives the indented form a person
// reads. Both are byte for byte what encoding/json writes for the whole array, with "<",
// ">" and "&" as typed: the field names and values are the contract, the whitespace is
// not.

// prettyFlag adds --pretty to a command that writes JSON.
func prettyFlag(cmd *cobra.Command, pretty *bool) {
	cmd.Flags().BoolVar(pretty, "pretty", false, "indent json for a person to read (default: compact, one line)")
}

// jsonArray writes a JSON array element by element through a buffer of its own.
type jsonArray struct {
	w      *bufio.Writer
	pretty bool
	n      int
	buf    bytes.Buffer
	enc    *json.Encoder
	indent bytes.Buffer
}

func newJSONArray(w io.Writer, pretty bool) *jsonArray {
	a := &jsonArray{w: bufio.NewWriterSize(w, 64<<10), pretty: pretty}
	a.enc = json.NewEncoder(&a.buf)
	a.enc.SetEscapeHTML(false) // names like "Smith & Sons" stay readable
	return a
}

// Add writes one element, encoded as encoding/json encodes it.
func (a *jsonArray) Add(v any) error {
	a.buf.Reset()
	if err := a.enc.Encode(v); err != nil {
		return err
	}
	return a.addEncoded(bytes.TrimSuffix(a.buf.Bytes(), []byte{'\n'}))
}

// addEncoded writes one element already encoded compact.
func (a *jsonArray) addEncoded(b []byte) error {
	a.start()
	if a.pretty {
		a.indent.Reset()
		// The whole array's indent puts each element two spaces in, its lines four.
		if err := json.Indent(&a.indent, b, "  ", "  "); err != nil {
			return err
		}
		b = a.indent.Bytes()
	}
	_, err := a.w.Write(b)
	return err
}

// start writes what comes before the next element: "[" before the first, "," after.
func (a *jsonArray) start() {
	switch {
	case a.n == 0 && a.pretty:
		_, _ = a.w.WriteString("[\n  ")
	case a.n == 0:
		_ = a.w.WriteByte('[')
	case a.pretty:
		_, _ = a.w.WriteString(",\n  ")
	default:
		_ = a.w.WriteByte(',')
	}
	a.n++
}

// End closes the array ("[]" when it had no element) and writes what is buffered.
func (a *jsonArray) End() error {
	switch {
	case a.n == 0:
		_, _ = a.w.WriteString("[]\n")
	case a.pretty:
		_, _ = a.w.WriteString("\n]\n")
	default:
		_, _ = a.w.WriteString("]\n")
	}
	return a.w.Flush()
}

// writeJSONValue writes v whole, as the commands whose output is one value (a report,
// a verification) do: compact, or indented with --pretty.
func writeJSONValue(w io.Writer, v any, pretty bool) error {
	enc := json.NewEncoder(w)
	if pretty {
		enc.SetIndent("", "  ")
	}
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// compactUnless runs write, which writes one JSON value indented (or a table or csv,
// when keep says so), and prints it as written when keep is true, else compact: the
// commands whose output is small (the team, a report) keep their writers and lose only
// the whitespace. Compacting touches nothing inside a string, so every value and every
// escape stays as the writer made it.
func compactUnless(keep bool, w io.Writer, write func(io.Writer) error) error {
	if keep {
		return write(w)
	}
	var indented bytes.Buffer
	if err := write(&indented); err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Compact(&out, indented.Bytes()); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err := w.Write(out.Bytes())
	return err
}
