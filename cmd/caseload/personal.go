package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"

	"caseload/internal/applog"
	"caseload/internal/config"
	"caseload/tui/common"
)

// personal is the app's shared value with the person's settings (config.toml) applied:
// the theme chosen with what COLORFGBG and NO_COLOR say, the mouse, the accessible mode,
// their idle lock (which only shortens the service's) and where the Settings screen
// writes them. warning is the config file's first problem, said on the status line as
// the app opens, with how many more; the log has them all.
func (a *cli) personal(ctx context.Context, log *slog.Logger) (com common.Common, warning string) {
	com = common.NewCommon(ctx, a.clock, a.actor)
	path, err := config.Path(a.env)
	s, problems := config.Defaults(), []config.Problem(nil)
	if err != nil {
		problems = []config.Problem{{Text: err.Error() + "; caseload starts with the default settings"}}
	} else {
		s, problems = config.Load(path)
	}
	com = com.WithLook(common.LookFrom(s.Theme, a.env))
	com.Mouse, com.Accessible, com.LockMinutes, com.ConfigPath = s.Mouse, s.Accessible, s.IdleLockMinutes, path
	for _, p := range problems {
		log.Warn("config", "problem", p.String())
	}
	if len(problems) > 0 {
		warning = problems[0].String() + "."
		if n := len(problems) - 1; n > 0 {
			warning = fmt.Sprintf("%s (%d more in %s)", warning, n, filepath.Base(path))
		}
	}
	return com, warning
}

// openLog opens the app's log, caseload.log in the state folder; a log that cannot be
// opened is no log rather than no app.
func openLog(env func(string) string) (*slog.Logger, io.Closer) {
	dir, err := applog.Dir(env)
	if err != nil {
		return applog.Discard(), io.NopCloser(nil)
	}
	log, closer, err := applog.Open(filepath.Join(dir, "caseload.log"))
	if err != nil {
		return applog.Discard(), io.NopCloser(nil)
	}
	return log, closer
}
