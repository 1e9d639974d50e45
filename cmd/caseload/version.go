package main

import (
	"runtime/debug"
	"strings"
)

// commit is the commit the binary was built from, set by make build (-ldflags "-X
// main.commit=..."), a "+modified" at its end when the tree had changes not committed.
// Empty, the build information's vcs.revision is used, which go build records in a git
// checkout unless -buildvcs=false.
var commit = ""

// builtVersion is what --version prints after "caseload version": the version and the
// commit it was built from.
func builtVersion() string {
	info, ok := debug.ReadBuildInfo()
	return versionOf(version, commit, info, ok)
}

// versionOf says the version and the commit from what the build was told (-ldflags)
// or, failing that, what the Go toolchain recorded.
func versionOf(version, commit string, info *debug.BuildInfo, ok bool) string {
	modified := false
	if ok && info != nil {
		if version == "" && info.Main.Version != "" {
			version = info.Main.Version
		}
		if commit == "" {
			for _, s := range info.Settings {
				switch s.Key {
				case "vcs.revision":
					commit = s.Value
				case "vcs.modified":
					modified = s.Value == "true"
				}
			}
		}
	}
	if version == "" {
		version = "(devel)"
	}
	if commit == "" {
		return version + " (commit unknown: built without version control information; make build records it)"
	}
	commit, plus := strings.CutSuffix(commit, "+modified")
	if plus || modified {
		return version + " (commit " + short(commit) + ", with changes not committed)"
	}
	return version + " (commit " + short(commit) + ")"
}

// short is a commit's first 12 hex digits, as git shows one unambiguously.
func short(c string) string { return c[:min(len(c), 12)] }
