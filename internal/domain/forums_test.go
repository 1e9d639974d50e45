package domain

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"caseload/internal/ident"
)

func TestForumInvolvementValidate(t *testing.T) {
	d := ident.MustDate(2026, 11, 3)
	tests := []struct {
		name string
		v    ForumInvolvement
		want string // "" when valid, else a word the refusal must hold
	}{
		{"MAPPA category 2 level 2", ForumInvolvement{Forum: ForumMAPPA, Category: MAPPACategory2, Level: 2, AsAt: d, Active: true}, ""},
		{"MAPPA category 1, no level yet", ForumInvolvement{Forum: ForumMAPPA, Category: MAPPACategory1}, ""},
		{"MAPPA category unknown with a level", ForumInvolvement{Forum: ForumMAPPA, Category: MAPPACategoryUnk, Level: 1}, ""},
		{"not MAPPA without a level", ForumInvolvement{Forum: ForumMAPPA, Category: MAPPANotMAPPA}, ""},
		{"MARAC", ForumInvolvement{Forum: ForumMARAC, Active: true, Note: "Preston MARAC"}, ""},
		{"Channel Panel, closed", ForumInvolvement{Forum: ForumChannel}, ""},
		{"no forum", ForumInvolvement{}, "not a forum"},
		{"an unknown forum", ForumInvolvement{Forum: "MAPPS"}, "not a forum"},
		{"lower-case forum", ForumInvolvement{Forum: "mappa", Category: MAPPACategory1}, "not a forum"},
		{"MARAC with a category", ForumInvolvement{Forum: ForumMARAC, Category: MAPPACategory1}, "only MAPPA"},
		{"Channel with a level", ForumInvolvement{Forum: ForumChannel, Level: 2}, "only MAPPA"},
		{"MAPPA without a category", ForumInvolvement{Forum: ForumMAPPA, Level: 1}, "not a MAPPA category"},
		{"MAPPA category 4", ForumInvolvement{Forum: ForumMAPPA, Category: "4"}, "not a MAPPA category"},
		{"MAPPA level 4", ForumInvolvement{Forum: ForumMAPPA, Category: MAPPACategory3, Level: 4}, "level 4"},
		{"MAPPA level -1", ForumInvolvement{Forum: ForumMAPPA, Category: MAPPACategory3, Level: -1}, "level -1"},
		{"not MAPPA with a level", ForumInvolvement{Forum: ForumMAPPA, Category: MAPPANotMAPPA, Level: 1}, "no MAPPA level"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.v.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate = %v, want valid", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Validate = %v, want a refusal saying %q", err, tt.want)
			}
		})
	}
}

func TestForumInvolvementDescribe(t *testing.T) {
	d := ident.MustDate(2026, 11, 3)
	tests := []struct {
		v    ForumInvolvement
		want string
	}{
		{ForumInvolvement{Forum: ForumMAPPA, Category: MAPPACategory2, Level: 2, AsAt: d, Active: true},
			"MAPPA category 2, level 2 (as at 3 Nov 2026)"},
		{ForumInvolvement{Forum: ForumMAPPA, Category: MAPPACategory1, Active: true}, "MAPPA category 1"},
		{ForumInvolvement{Forum: ForumMAPPA, Category: MAPPACategoryUnk, Level: 1, Active: true}, "MAPPA category unknown, level 1"},
		{ForumInvolvement{Forum: ForumMAPPA, Active: true}, "MAPPA category unknown"},
		{ForumInvolvement{Forum: ForumMAPPA, Category: MAPPANotMAPPA, AsAt: d, Active: true}, "Not MAPPA (as at 3 Nov 2026)"},
		{ForumInvolvement{Forum: ForumMAPPA, Category: MAPPACategory3, Level: 3, AsAt: d}, "MAPPA category 3, level 3, closed (as at 3 Nov 2026)"},
		{ForumInvolvement{Forum: ForumMARAC, Active: true}, "MARAC"},
		{ForumInvolvement{Forum: ForumChannel, Active: true, AsAt: d}, "Channel Panel (as at 3 Nov 2026)"},
		{ForumInvolvement{Forum: ForumChannel}, "Channel Panel, closed"},
		// A level held against another forum (refused by Validate) is not shown as MAPPA's.
		{ForumInvolvement{Forum: ForumMARAC, Level: 2, Active: true}, "MARAC"},
	}
	for _, tt := range tests {
		if got := tt.v.Describe(); got != tt.want {
			t.Errorf("Describe(%+v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

// meetingOK is a valid meeting; the tests change one field at a time from it.
func meetingOK() ForumMeeting {
	return ForumMeeting{Kind: MeetingMAPPAL2, Date: ident.MustDate(2026, 12, 8), Role: RoleAttends,
		ReportDue: ident.MustDate(2026, 12, 1), Chair: "DI Rowe, Lancashire Police",
		Actions: []ForumAction{{Text: "Send the risk formulation to the COM", Due: ident.MustDate(2026, 12, 10)}}}
}

func TestForumMeetingValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*ForumMeeting)
		want   string
	}{
		{"as it is", func(*ForumMeeting) {}, ""},
		{"every kind", func(m *ForumMeeting) { m.Kind = MeetingOther }, ""},
		{"informs", func(m *ForumMeeting) { m.Role = RoleInforms }, ""},
		{"invited, did not attend", func(m *ForumMeeting) { m.Role = RoleInvitedNotAttended }, ""},
		{"report due on the day", func(m *ForumMeeting) { m.ReportDue = m.Date }, ""},
		{"no report asked for", func(m *ForumMeeting) { m.ReportDue = ident.Date{} }, ""},
		{"no actions", func(m *ForumMeeting) { m.Actions = nil }, ""},
		{"no kind", func(m *ForumMeeting) { m.Kind = "" }, "not a kind of meeting"},
		{"MAPPA level 1 is not a meeting", func(m *ForumMeeting) { m.Kind = "MAPPA_L1" }, "not a kind of meeting"},
		{"no date", func(m *ForumMeeting) { m.Date = ident.Date{} }, "date is required"},
		{"no role", func(m *ForumMeeting) { m.Role = "" }, "not a role"},
		{"a role spelled otherwise", func(m *ForumMeeting) { m.Role = "attended" }, "not a role"},
		{"report due the day after", func(m *ForumMeeting) { m.ReportDue = m.Date.AddDays(1) }, "after the meeting"},
		{"an empty action", func(m *ForumMeeting) {
			m.Actions = append(m.Actions, ForumAction{Text: " \t"})
		}, "action 2 says nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := meetingOK()
			tt.change(&m)
			err := m.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate = %v, want valid", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Validate = %v, want a refusal saying %q", err, tt.want)
			}
		})
	}
}

func TestParseActions(t *testing.T) {
	d := ident.MustDate
	tests := []struct {
		name, text string
		want       []ForumAction
		err        string
	}{
		{"nothing", "", nil, ""},
		{"only blank lines", "\n  \n\t\n", nil, ""},
		{"no due date", "Share the risk formulation", []ForumAction{{Text: "Share the risk formulation"}}, ""},
		{"ISO due date", "2026-12-04 send the updated risk formulation to the COM",
			[]ForumAction{{Text: "send the updated risk formulation to the COM", Due: d(2026, 12, 4)}}, ""},
		{"UK due date", "4/12/2026 book the joint visit", []ForumAction{{Text: "book the joint visit", Due: d(2026, 12, 4)}}, ""},
		{"a tab after the date", "04/12/2026\tcall the IDVA", []ForumAction{{Text: "call the IDVA", Due: d(2026, 12, 4)}}, ""},
		{"several, blank lines and CRLF skipped", "  2026-12-04  first  \r\n\r\nsecond\r\n",
			[]ForumAction{{Text: "first", Due: d(2026, 12, 4)}, {Text: "second"}}, ""},
		{"a phone number is not a date", "0161-496-0000 ring the duty officer",
			[]ForumAction{{Text: "0161-496-0000 ring the duty officer"}}, ""},
		{"a reference is not a date", "2026/12345 check the Channel referral",
			[]ForumAction{{Text: "2026/12345 check the Channel referral"}}, ""},
		{"a date later in the line stays text", "review on 2026-12-04",
			[]ForumAction{{Text: "review on 2026-12-04"}}, ""},
		{"an impossible date", "action one\n2026-02-30 do it", nil, "line 2"},
		{"a date with a one-digit day", "2026-12-4 do it", nil, "line 1"},
		{"month first", "12/13/2026 do it", nil, "month-first"},
		{"a date and nothing to do", "2026-12-04", nil, "nothing to do"},
		{"a date and spaces", "x\n 04/12/2026   ", nil, "line 2: a due date with nothing to do"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseActions(tt.text)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ParseActions = %v, %v; want an error saying %q", got, err, tt.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("ParseActions = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

// A bad date says which line and stays an ident date error underneath.
func TestParseActionsWrapsTheDateError(t *testing.T) {
	_, err := ParseActions("2026-02-30 do it")
	if !errors.Is(err, ident.ErrDate) {
		t.Errorf("ParseActions error %v is not ident.ErrDate", err)
	}
}

func TestFormatActions(t *testing.T) {
	as := []ForumAction{{Text: "send the report", Due: ident.MustDate(2026, 12, 4)}, {Text: "book the visit"}}
	if got, want := FormatActions(as), "2026-12-04 send the report\nbook the visit"; got != want {
		t.Errorf("FormatActions = %q, want %q", got, want)
	}
	if got := FormatActions(nil); got != "" {
		t.Errorf("FormatActions(nil) = %q, want empty", got)
	}
}

func FuzzParseActions(f *testing.F) {
	for _, s := range []string{"", "2026-12-04 send the report\nbook the visit", "4/12/2026\tcall", "2026-02-30 x",
		"0161-496-0000 ring", "12/13/2026 x", " \r\n2026-12-04  a  b \n", "2026-12-04 2026-12-05 twice"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once, err := ParseActions(s)
		if err != nil {
			return
		}
		again, err := ParseActions(FormatActions(once))
		if err != nil {
			t.Fatalf("%q parsed to %+v, whose text %q does not parse: %v", s, once, FormatActions(once), err)
		}
		if !reflect.DeepEqual(once, again) {
			t.Fatalf("%q parsed to %+v, then through its text to %+v", s, once, again)
		}
		for i, a := range once {
			if strings.TrimSpace(a.Text) == "" || strings.Contains(a.Text, "\n") {
				t.Fatalf("%q gave action %d with text %q", s, i+1, a.Text)
			}
		}
	})
}
func TestCaseForumsNext(t *testing.T) {
	d := ident.MustDate
	today := d(2026, 11, 24)
	past := ForumMeeting{ID: 1, Date: d(2026, 11, 23)}
	laterLow := ForumMeeting{ID: 2, Date: d(2026, 12, 8)}
	laterHigh := ForumMeeting{ID: 5, Date: d(2026, 12, 8)}
	soon := ForumMeeting{ID: 9, Date: d(2026, 12, 1)}
	onTheDay := ForumMeeting{ID: 7, Date: today}
	tests := []struct {
		name     string
		meetings []ForumMeeting
		want     ForumMeeting
		ok       bool
	}{
		{"none", nil, ForumMeeting{}, false},
		{"only past ones", []ForumMeeting{past}, ForumMeeting{}, false},
		{"the earliest, whatever the order", []ForumMeeting{laterHigh, past, soon, laterLow}, soon, true},
		{"today counts", []ForumMeeting{soon, onTheDay, past}, onTheDay, true},
		{"the lower id on one day", []ForumMeeting{past, laterHigh, laterLow}, laterLow, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := CaseForums{Meetings: tt.meetings}.Next(today)
			if ok != tt.ok || got.ID != tt.want.ID {
				t.Errorf("Next = meeting %d, %v; want meeting %d, %v", got.ID, ok, tt.want.ID, tt.ok)
			}
		})
	}
}

func TestCaseForumsInvolved(t *testing.T) {
	c := CaseForums{Involvements: []ForumInvolvement{
		{Forum: ForumMAPPA, Category: MAPPANotMAPPA},
		{Forum: ForumChannel, Note: "CH-0042"},
	}}
	if v, ok := c.Involved(ForumMAPPA); !ok || v.Category != MAPPANotMAPPA {
		t.Errorf("Involved(MAPPA) = %+v, %v; want the recorded not MAPPA", v, ok)
	}
	if v, ok := c.Involved(ForumChannel); !ok || v.Note != "CH-0042" {
		t.Errorf("Involved(CHANNEL) = %+v, %v", v, ok)
	}
	if v, ok := c.Involved(ForumMARAC); ok {
		t.Errorf("Involved(MARAC) = %+v, true; nothing is recorded", v)
	}
}
