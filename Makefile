# caseload: the two commands a new machine needs are `make run` and `make test`.
GO          ?= go
BIN         := bin/caseload
DB          ?= demo.db
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME    ?= 5s
PKGS        := ./...
# --version names the version and the commit built from ("+modified": changes not committed)
VERSION     ?= $(shell git describe --tags --always 2>/dev/null)
COMMIT      ?= $(shell git rev-parse HEAD 2>/dev/null)$(shell git status --porcelain 2>/dev/null | grep -q . && echo +modified)
LDFLAGS     := -X main.version=$(VERSION) -X main.commit=$(COMMIT)

.PHONY: run build test lint vet staticcheck unit race slow twoprocess crash torture bench fuzz clean

## run: build, create the demo database if missing, open the app on it
run: build
	@test -f $(DB) || ./$(BIN) demo --db $(DB)
	./$(BIN) --db $(DB)

## build: compile the binary into bin/
build:
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/caseload

## test: everything CI checks: formatting, vet, staticcheck, the tests under -race, the
## two-process opening test at its full 3,000 writes (the race detector's run does 200),
## and the slow tests the race detector's run skips: crash, corruption and tampering
test: lint race slow

## lint: gofmt, go vet and staticcheck
lint: vet staticcheck
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

staticcheck:
	$(GO) run $(STATICCHECK) $(PKGS)

## unit: the tests without the race detector (quicker while working)
unit:
	$(GO) test -count=1 $(PKGS)

race:
	$(GO) test -race -count=1 $(PKGS)

## slow: the tests that run only without the race detector (it slows the pure-Go SQLite
## about tenfold and these share no memory to race on: other processes, files, keys),
## both packages at once
slow:
	$(GO) test -count=1 -run '^(TestOpenBesideAWriterProcess|TestVerifyNamesEveryTampering|TestNoteLargeTextRoundTrip)$$' ./store/ & s=$$!; \
	CASELOAD_CRASH_SEED=$${CASELOAD_CRASH_SEED:-1} $(GO) test -count=1 -run '^(TestCrashImports|TestCrashSigning|TestCorruptCopies|TestBackup.*|TestRestore.*|TestAnchors.*|TestVerifyNames.*|TestRotatedAnchorKey.*|TestServe.*)$$' ./cmd/caseload/; c=$$?; \
	wait $$s && exit $$c

twoprocess:
	$(GO) test -count=1 -run '^TestOpenBesideAWriterProcess$$' ./store/

## crash: the real binary's imports and the app's autosave and signing killed with
## SIGKILL at random moments, 60 times each, and 200 copies of the demo with bytes
## flipped, each refused or intact; CASELOAD_CRASH_SEED=N replays a failure
crash:
	CASELOAD_CRASH_SEED=$${CASELOAD_CRASH_SEED:-1} $(GO) test -count=1 -run '^(TestCrashImports|TestCrashSigning|TestCorruptCopies)$$' ./cmd/caseload/

## torture: the crash tests at 1,000 kills each (several minutes)
torture:
	CASELOAD_TORTURE_CYCLES=1000 $(GO) test -count=1 -timeout 60m -v -run '^TestCrash(Imports|Signing)$$' ./cmd/caseload/

## bench: the speed and memory targets of docs/PERFORMANCE.md
bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

## fuzz: each fuzz target for FUZZTIME
fuzz:
	@for pkg in $$($(GO) list $(PKGS)); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "fuzz $$pkg $$f"; \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

clean:
	rm -rf bin

## bench-process: the real binary's lists timed against sqlite3 on the same file
## (cached fixtures of 20,000 and 100,000 referrals, built once), with the ratios
.PHONY: bench-process
bench-process:
	$(GO) run ./scripts/benchprocess -runs $${RUNS:-3}
