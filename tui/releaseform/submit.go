package releaseform

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"caseload/internal/domain"
	"caseload/internal/ident"
	"caseload/tui/common"
	"caseload/tui/component/form"
)

// submit checks what was typed against the release facts as the form read them, so
// an evident refusal (no reason, nothing changed) is shown without a trip to the store,
// and returns the command that saves. The store checks again on the facts as they
// stand when it saves.
func (a *answers) submit(com common.Common, saver Saver, caseID int64, f *facts) ([]string, tea.Cmd) {
	ctx, actor, clk, r := com.Ctx, com.Actor, com.Clock, f.get()
	what := happening(a.what)
	if what == dateChanged {
		to, err := a.releaseDate(r.Dates)
		if err == nil {
			// The time of the change is read when it is saved; it does not affect the check.
			_, err = r.Change(to, a.reason, actor, time.Time{})
		}
		if err != nil {
			return []string{sentence(err)}, nil
		}
		reason, seen := a.reason, r.Dates.Of(to.Kind)
		return nil, func() tea.Msg {
			if _, err := saver.ChangeReleaseSeen(ctx, actor, clk.Now(), caseID, seen, to, reason); err != nil {
				return form.Done{Err: adopt(ctx, saver, caseID, f, seen, err)}
			}
			return done(caseID, changedWords(to))
		}
	}
	on, err := ident.ParseDate(a.on)
	if err != nil {
		return []string{sentence(err)}, nil
	}
	if what == recalled {
		switch {
		case strings.TrimSpace(a.why) == "":
			return []string{sentence(errors.New(noRecallReason))}, nil
		case !a.sure:
			return []string{"Not recorded: choose Record to confirm the recall."}, nil
		}
	}
	record, words := eventOf(saver, what, a.why)
	return nil, func() tea.Msg {
		if err := record(ctx, actor, clk.Now(), caseID, on); err != nil {
			return form.Done{Err: err}
		}
		return done(caseID, fmt.Sprintf("%s on %s recorded.", words, on.Medium()))
	}
}

// releaseDate is the sentence date as typed against the dates held: a blank day keeps
// the one held, "unknown" removes it; "as held" keeps whether it is confirmed, but a new
// day is not confirmed unless it is said to be.
func (a *answers) releaseDate(held domain.SentenceDates) (domain.ReleaseDate, error) {
	k := domain.ReleaseDateType(a.kind)
	to := held.Of(k)
	switch s := strings.TrimSpace(a.date); {
	case strings.EqualFold(s, unknownWord):
		// No date is an unknown date: nothing confirmed goes with it ("unknown (HDCAD,
		// confirmed)" would claim what nobody knows).
		return domain.ReleaseDate{Kind: k}, nil
	case s == "" && to.Date.IsZero():
		return to, fmt.Errorf("no %s is held: type its day", domain.SentenceDateName(k))
	case s != "":
		d, err := ident.ParseDate(s)
		if err != nil {
			return to, err
		}
		to.Date = d
	}
	switch a.confirmed {
	case keepConfirmed:
		if held := held.Of(k); to.Date != held.Date && k != domain.ReleaseConfirmed {
			to.Confirmed = false
		}
	case "yes":
		to.Confirmed = true
	case "no":
		to.Confirmed = false
		if k == domain.ReleaseConfirmed {
			return to, errors.New("a date of the kind confirmed is confirmed: choose its real kind (CRD, APD, ...) if it may still move")
		}
	}
	return to, nil
}

// changedWords says what was recorded: "Sentence date recorded: 6 Jan 2027 (CRD)."
func changedWords(to domain.ReleaseDate) string {
	if to.Date.IsZero() {
		return "Sentence date removed: the " + domain.SentenceDateName(to.Kind) + " is no longer known."
	}
	return "Sentence date recorded: " + to.Describe(ident.Date.Medium) + "."
}

// eventOf is the store call that records an event and the words that name it; a
// recall's carries its reason.
func eventOf(saver Saver, what happening, why string) (func(ctx context.Context, actor string, at time.Time, caseID int64, d ident.Date) error, string) {
	switch what {
	case recalled:
		return func(ctx context.Context, actor string, at time.Time, caseID int64, d ident.Date) error {
			return saver.RecordRecall(ctx, actor, at, caseID, d, why)
		}, "Recall to custody"
	case reReleased:
		return saver.RecordReRelease, "Re-release"
	}
	return saver.RecordRelease, "Release"
}

// done tells every screen the case changed, and says what was recorded.
func done(caseID int64, text string) form.Done {
	return form.Done{Then: []tea.Msg{common.CaseChangedMsg{CaseID: caseID}, common.InfoMsg{Text: text}}}
}

// sentence is an error as a sentence: capitalised, and ending with a full stop.
func sentence(err error) string {
	s := strings.TrimPrefix(err.Error(), domain.ErrReleaseChange.Error()+": ")
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// adopt answers a refused date change. When the date being recorded was changed by
// someone else since the form opened, the form takes the facts as they are now, says
// what the date now is, and keeps what was typed: a second save is then made knowing
// it, and records over it. Any other refusal is returned as it is.
func adopt(ctx context.Context, rd Reader, caseID int64, f *facts, seen domain.ReleaseDate, refused error) error {
	now, err := rd.CaseRelease(ctx, caseID)
	if err != nil {
		return refused
	}
	held := now.Dates.Of(seen.Kind)
	if held.Date == seen.Date && held.IsConfirmed() == seen.IsConfirmed() {
		return refused
	}
	f.set(now)
	return fmt.Errorf("the %s was changed elsewhere since you opened this form: it is now %s. Your day is kept: save again to record it over that, or esc esc to leave it",
		domain.SentenceDateName(seen.Kind), held.Describe(ident.Date.Medium))
}
