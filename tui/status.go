package tui

import (
	"errors"
	"strings"
)

// status is the one line under the screen: the last error or piece of news.
type status struct {
	text string
	err  bool
}

func errorStatus(err error) status {
	if err == nil {
		return status{}
	}
	// One sentence for a person: the store and the domain already phrase their errors
	// so; wrapping layers add context a clinician does not need.
	msg := err.Error()
	for u := errors.Unwrap(err); u != nil && strings.HasSuffix(msg, u.Error()) && u.Error() != ""; u = errors.Unwrap(u) {
		msg = u.Error()
	}
	return status{text: msg, err: true}
}
