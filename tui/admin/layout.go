package admin

import (
	"fmt"
	"strconv"
	"strings"

	"caseload/internal/domain"
	"caseload/tui/common"
)

type lineKind int

const (
	linePlain   lineKind = iota
	lineHeading          // a section's name
	lineColumns          // the team's column headings
	lineMuted            // a note, or the words under a safety line
	lineCheck            // a backup or verify line: text, then when (urgent or not)
)

// line is one line of the body, laid out for the width; View only adds the styles.
type line struct {
	kind   lineKind
	text   string
	when   string
	urgent bool
}

// relayout builds the body for the width from the last load.
func (m *Model) relayout() {
	if m.width <= 0 {
		return
	}
	if !m.loaded {
		m.lines = []line{{kind: lineMuted, text: common.Clip("Loading…", m.width)}}
		return
	}
	var ls []line
	ls = append(ls, m.teamLines()...)
	ls = append(ls, line{}, line{kind: lineHeading, text: "Backup and verify"})
	ls = append(ls, m.safetyLines()...)
	ls = append(ls, line{}, line{kind: lineHeading, text: "Database file"})
	ls = append(ls, m.fileLines()...)
	if f := m.facts; f.served {
		ls = append(ls, line{}, line{kind: lineHeading, text: "Sessions"})
		ls = append(ls, m.wrapped("  ", fmt.Sprintf("%d open now, of at most %d (caseload serve; read each minute)", f.open, f.most), linePlain)...)
	}
	ls = append(ls, line{}, line{kind: lineHeading, text: "On the server"})
	ls = append(ls, m.commandLines()...)
	m.lines = ls
	m.offset = min(m.offset, max(len(m.lines)-m.bodyHeight(), 0))
}

// Column widths of the team table, in cells; the name takes what is left.
const (
	accessWidth = 9 // "clinician"
	activeWidth = 6 // "active"
	keysWidth   = 4
	maxName     = 32
)

func (m *Model) teamLines() []line {
	team := m.facts.team
	active := 0
	for _, c := range team {
		if c.Active {
			active++
		}
	}
	ls := []line{{kind: lineHeading, text: fmt.Sprintf("Team: %d active of %d", active, len(team))}}
	if len(team) == 0 {
		return append(ls, line{kind: lineMuted, text: common.Clip("  No one yet: caseload clinicians add on the server.", m.width)})
	}
	idWidth := 2
	for _, c := range team {
		idWidth = max(idWidth, len(strconv.FormatInt(c.ID, 10)))
	}
	// Five gaps of two cells; a name wider than maxName is cut rather than spread.
	nameWidth := min(max(m.width-10-idWidth-accessWidth-activeWidth-keysWidth, 6), maxName)
	row := func(id, name, access, active, keys string) string {
		return common.Clip("  "+common.Fit(id, idWidth)+"  "+common.Fit(name, nameWidth)+"  "+
			common.Fit(access, accessWidth)+"  "+common.Fit(active, activeWidth)+"  "+keys, m.width)
	}
	ls = append(ls, line{kind: lineColumns, text: row("ID", "NAME", "ACCESS", "ACTIVE", "KEYS")})
	for _, c := range team {
		yes := "yes"
		if !c.Active {
			yes = "no"
		}
		ls = append(ls, line{text: row(strconv.FormatInt(c.ID, 10), c.Name, string(c.Access), yes,
			strconv.Itoa(m.facts.keys[c.ID]))})
	}
	return ls
}

// safetyLines are the lead's Today lines for the backup and verify: the words beside
// the text when they fit, under it when they do not.
func (m *Model) safetyLines() []line {
	now := m.now
	if now.IsZero() {
		now = m.com.Clock.Now()
	}
	var ls []line
	for _, it := range domain.SafetyLines(m.facts.safety, now) {
		text := "  " + it.Text
		if len(text)+2+len(it.When) <= m.width {
			ls = append(ls, line{kind: lineCheck, text: text, when: it.When, urgent: it.Urgent})
			continue
		}
		ls = append(ls, line{kind: lineCheck, text: common.Clip(text, m.width)})
		for _, w := range common.Wrap(it.When, m.width-4) {
			ls = append(ls, line{kind: lineCheck, text: "    ", when: w, urgent: it.Urgent})
		}
	}
	return ls
}

func (m *Model) fileLines() []line {
	f := m.facts.file
	ls := m.wrapped("  ", f.Path, linePlain)
	schema := fmt.Sprintf("%s, schema %d", size(f.Bytes), f.Schema)
	if f.Schema != f.Known {
		schema += fmt.Sprintf(" (this caseload knows %d)", f.Known)
	}
	return append(ls, m.wrapped("  ", schema, linePlain)...)
}

// commandLines say what to run on the server, on this file, for keys and backups: the
// app runs none of them (README: "Backups", "Team mode").
func (m *Model) commandLines() []line {
	db := m.facts.file.Path
	var ls []line
	for _, c := range []struct{ what, run string }{
		{"Add a key", "caseload clinicians keys add --db " + db + " ID --file PUB"},
		{"Revoke a key", "caseload clinicians keys revoke --db " + db + " FINGERPRINT"},
		{"Back up", "caseload backup --db " + db + " --out DIR --recipient AGE_PUBKEY"},
		{"Verify", "caseload verify --db " + db + " --record"},
	} {
		ls = append(ls, line{text: common.Clip("  "+c.what+":", m.width)})
		ls = append(ls, m.wrapped("    ", c.run, lineMuted)...)
	}
	return ls
}

// wrapped is s in lines under indent, wrapped to the width.
func (m *Model) wrapped(indent, s string, kind lineKind) []line {
	var ls []line
	for _, w := range common.Wrap(s, max(m.width-len(indent), 1)) {
		ls = append(ls, line{kind: kind, text: indent + w})
	}
	return ls
}

// size is a file size as people read it: "840 KB", "2.4 MB", "1.1 GB".
func size(b int64) string {
	switch {
	case b < 1000:
		return strconv.FormatInt(b, 10) + " bytes"
	case b < 1000*1000:
		return strconv.FormatInt((b+500)/1000, 10) + " KB"
	case b < 1000*1000*1000:
		return trimZero(fmt.Sprintf("%.1f", float64(b)/1e6)) + " MB"
	}
	return trimZero(fmt.Sprintf("%.1f", float64(b)/1e9)) + " GB"
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }
