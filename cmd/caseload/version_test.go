package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionOf(t *testing.T) {
	built := func(main string, settings ...string) *debug.BuildInfo {
		info := &debug.BuildInfo{Main: debug.Module{Version: main}}
		for i := 0; i+1 < len(settings); i += 2 {
			info.Settings = append(info.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return info
	}
	const sha = "0123456789abcdef0123456789abcdef01234567"
	cases := []struct {
		name            string
		version, commit string
		info            *debug.BuildInfo
		ok              bool
		want            string
	}{
		{"make build", "v1.2.0", sha, built("(devel)"), true, "v1.2.0 (commit 0123456789ab)"},
		{"make build, tree changed", "v1.2.0", sha + "+modified", built("(devel)"), true, "v1.2.0 (commit 0123456789ab, with changes not committed)"},
		{"go build in a checkout", "", "", built("(devel)", "vcs.revision", sha, "vcs.modified", "false"), true, "(devel) (commit 0123456789ab)"},
		{"go build, changed", "", "", built("(devel)", "vcs.revision", sha, "vcs.modified", "true"), true,
			"(devel) (commit 0123456789ab, with changes not committed)"},
		{"go install of a release", "", "", built("v1.3.0", "vcs.revision", sha), true, "v1.3.0 (commit 0123456789ab)"},
		{"no build information", "", "", nil, false,
			"(devel) (commit unknown: built without version control information; make build records it)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := versionOf(c.version, c.commit, c.info, c.ok); got != c.want {
				t.Errorf("versionOf = %q, want %q", got, c.want)
			}
		})
	}
}

// --version prints one line: the version and the commit, as the binary was built.
func TestVersionFlag(t *testing.T) {
	old := commit
	commit = "0123456789abcdef0123456789abcdef01234567"
	t.Cleanup(func() { commit = old })
	r := must(t, caseload(t, nil, "--version"))
	if !versionLine.MatchString(r.stdout) || !strings.Contains(r.stdout, "(commit 0123456789ab)") {
		t.Errorf("--version printed %q", r.stdout)
	}
}
