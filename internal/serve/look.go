package serve

import (
	"strings"

	"charm.land/ssh"

	"caseload/tui/common"
)

// look is a session's theme: the server's default (auto, as a person with no config
// file has), read against the client's terminal: the COLORFGBG and NO_COLOR the SSH
// client sent and, once it answers, its background. Never the server's environment,
// nor a config file on the server: a session belongs to a person at another terminal.
func look(sess ssh.Session) common.Look {
	env := map[string]string{}
	for _, kv := range sess.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	return common.LookFrom("auto", func(k string) string { return env[k] })
}
