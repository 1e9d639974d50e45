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

.PHONY: run build test test-jobs lint vet staticcheck testjobs unit race twoprocess crash torture bench fuzz clean

## run: build, create the demo database if missing, open the app on it
run: build
	@test -f $(DB) || ./$(BIN) demo --db $(DB)
	./$(BIN) --db $(DB)

## build: compile the binary into bin/
build:
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/caseload

## test: everything CI checks, as jobs run at the same time (make -j): gofmt, go vet,
## staticcheck and the check that the jobs run every test exactly once; the tests with
## goroutines to race under the race detector, every other test without it; the slowest
## tests (crash, corruption, the two-process opening test) each in a process of its own
## so that they overlap the rest. See "Testing" in docs/ARCHITECTURE.md.
test:
	@$(MAKE) --no-print-directory -j$(TESTJOBS) --output-sync=target $(TEST_JOBS) lint

# How many jobs at once: one more than the cores, longest first (TEST_JOBS' order), so
# the short ones fill the gaps the long ones leave. More would not finish sooner (the
# work is CPU-bound) and would slow the tests that wait for a screen or a lock in wall
# time past their patience.
TESTJOBS ?= $(shell echo $$(( $$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1) + 1 )))
# Extra go test flags for every job, e.g. TESTFLAGS=-v.
TESTFLAGS ?=
# Test files go to /dev/shm when the machine has it: the store syncs every commit to
# disk, and the suite's throwaway databases need not reach one.
TESTTMP := $(shell test -d /dev/shm -a -w /dev/shm && echo /dev/shm)
# -vet=off: go vet runs once, whole, in lint. -trimpath: the build cache then keys the
# project's packages by their content, not the folder they are in, so a fresh clone on
# a machine that has built caseload before compiles nothing again.
GOTEST = $(if $(TESTTMP),TMPDIR=$(TESTTMP) )$(GO) test -count=1 -vet=off -trimpath $(TESTFLAGS)

# The race detector watches memory shared between goroutines, and slows the pure-Go
# SQLite about tenfold: it runs on the tests where goroutines share memory (a real
# Bubble Tea program, whose commands run beside Update; the SSH server; autosave; the
# store's background check and its callers from several goroutines), not on the
# hundreds of tests that drive the store or a screen from one goroutine (tuitest runs
# each command to its end before the next message). The packages it runs whole, then
# each split package's tests it runs; every other test of those packages runs in the
# job without it, by -skip of the same pattern.
RACE_PKGS  := ./internal/serve/ ./tui/component/autosave/ ./tui/component/form/
RACE_STORE := ^(TestChainDoesNotForkAcrossSessions|TestOpenReadOnly|TestScreenConcurrentlyOneWins|TestDamagedPagesAreNeverWritten|TestOpenChecksInTheBackground|TestCloseStopsTheCheck|TestAWriteStartsTheCheck)$$
RACE_TUI   := ^(TestBurstLandsInTheFieldsMeant|TestAConfirmationIgnoresKeysTypedWhileItArms|TestBurstLandsInOrder|TestBurstWithoutHolding)$$
RACE_CMD   := ^(TestServeRefusesToStart)$$
# The slow tests, each a job of its own: minutes of work in one process, which would
# otherwise hold their package's job long after the others finished.
SLOW_STORE := ^(TestOpenBesideAWriterProcess)$$
SLOW_CMD   := ^(TestCrashImports|TestCrashSigning|TestCorruptCopies)$$
# Every package but the three split above (tui/referralform's burst tests are in
# RACE_TUI) and those the race detector runs whole.
OTHER_PKGS = $(filter-out caseload/store caseload/tui caseload/cmd/caseload $(RACE_PKGS:./%/=caseload/%),$(shell $(GO) list ./...))

TEST_JOBS := test-rest test-cmd test-corrupt test-crash-signing test-crash-imports test-twoprocess \
	test-store test-store-race test-race test-tui test-tui-race test-cmd-race
.PHONY: $(TEST_JOBS)

# The slow tests' counts in make test: the two-process test's writes, and each crash
# test's kills. Each check still runs (every kind of kill, in both imports, and the
# writer's opens and closes) but fewer times, so that the suite fits its 2 min 30 s;
# make twoprocess (3,000 writes), make crash (60 kills each) and make torture (1,000)
# run more, and TWOPROCESS_WRITES=3000 CRASH_CYCLES=60 make test runs make test as it
# was.
TWOPROCESS_WRITES ?= 1000
CRASH_CYCLES      ?= 30
CRASH_SEED        := CASELOAD_CRASH_SEED=$${CASELOAD_CRASH_SEED:-1}

## test-jobs: make test's tests without lint (make -n -s test-jobs prints its go test lines)
test-jobs: $(TEST_JOBS)

test-store:
	$(GOTEST) -skip '$(RACE_STORE)|$(SLOW_STORE)' ./store/
test-store-race:
	$(GOTEST) -race -run '$(RACE_STORE)' ./store/
test-twoprocess:
	CASELOAD_TWOPROCESS_WRITES=$(TWOPROCESS_WRITES) $(GOTEST) -run '$(SLOW_STORE)' ./store/
test-tui:
	$(GOTEST) -skip '$(RACE_TUI)' ./tui/
test-tui-race:
	$(GOTEST) -race -run '$(RACE_TUI)' ./tui/ ./tui/referralform/
test-cmd:
	$(GOTEST) -skip '$(RACE_CMD)|$(SLOW_CMD)' ./cmd/caseload/
test-cmd-race:
	$(GOTEST) -race -run '$(RACE_CMD)' ./cmd/caseload/
test-crash-imports:
	$(CRASH_SEED) CASELOAD_TORTURE_CYCLES=$(CRASH_CYCLES) $(GOTEST) -run '^TestCrashImports$$' ./cmd/caseload/
test-crash-signing:
	$(CRASH_SEED) CASELOAD_TORTURE_CYCLES=$(CRASH_CYCLES) $(GOTEST) -run '^TestCrashSigning$$' ./cmd/caseload/
test-corrupt:
	$(CRASH_SEED) $(GOTEST) -run '^TestCorruptCopies$$' ./cmd/caseload/
test-race:
	$(GOTEST) -race $(RACE_PKGS)
test-rest:
	$(GOTEST) -skip '$(RACE_TUI)' $(OTHER_PKGS:caseload/%=./%/)

## lint: gofmt, go vet, staticcheck, and that make test's jobs run every test once
lint: vet staticcheck testjobs
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# -trimpath, as for the tests: a fresh clone's vet and staticcheck reuse what an earlier
# clone's computed (otherwise about 95 CPU seconds of the suite on two cores).
vet:
	$(GO) vet -trimpath $(PKGS)

staticcheck:
	GOFLAGS=-trimpath $(GO) run $(STATICCHECK) $(PKGS)

testjobs:
	@$(MAKE) --no-print-directory -n -s test-jobs | $(GO) run ./internal/testjobs

## unit: every test without the race detector, one package at a time (quicker while working)
unit:
	$(GOTEST) $(PKGS)

## race: every test under the race detector (the slow ones skip themselves or write less)
race:
	$(GOTEST) -race $(PKGS)

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
