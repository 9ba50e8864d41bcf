# Pactwright. The quick start is two commands: `make run` and `make test`.
# Both install what a fresh Debian/Ubuntu machine lacks before building.

BIN        := bin/pactwright
GO         ?= go
# Fyne logs an error at start-up when the locale is plain "C"; tests and CI
# often run that way, so give them a real one (and leave a real one alone).
ifeq ($(filter-out C C.UTF-8 POSIX,$(LANG)),)
export LANG := en_US.UTF-8
endif
# Fyne's bundled colour-emoji font is parsed once per text style: about
# 30 MB of the window's memory, for glyphs the agreement never uses (its
# PDF cannot print emoji either). Without it, Fyne draws an emoji someone
# types with the system's fonts. Every build and test here uses the tag.
export GOFLAGS := -tags=no_emoji
# Packages needed to compile Fyne (cgo, X11, OpenGL headers) and SQLite.
BUILD_DEPS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev
# Tools the tests use to read PDFs, sign them, and drive a real window,
# and the PostgreSQL server the shared-library tests start a cluster of.
TEST_DEPS  := poppler-utils qpdf libnss3-tools mupdf-tools xvfb xauth xdotool imagemagick python3-icalendar libreoffice-writer-nogui python3-docx \
              libxtst-dev libxext-dev postgresql
ARTIFACTS  ?= test-artifacts

# Release metadata. FyneApp.toml is the one source of the version: the binary
# embeds it, and make reads it only to name the packages. The commit and the
# build date are stamped into the binary at link time.
VERSION    := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_BUILD  := $(shell sed -n 's/^Build *= *\([0-9]*\)/\1/p' FyneApp.toml)
COMMIT     := $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)$(shell [ -z "$$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || echo -dirty)
BUILD_DATE := $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS    := -X main.commit=$(COMMIT) -X main.buildDate=$(BUILD_DATE)
# Release tools, pinned, installed into bin/tools on first use.
TOOLS      := $(CURDIR)/bin/tools
FYNE_CLI   := $(TOOLS)/fyne
GO_WINRES  := $(TOOLS)/go-winres
# Windows: cross-compiler, and Wine to test the result.
WIN_DEPS   := gcc-mingw-w64-x86-64
WINE_DEPS  := wine64 xvfb xauth xdotool imagemagick poppler-utils
DIST_DEPS  := zip xz-utils
WIN_EXE    := bin/windows/pactwright.exe
DIST       := dist

.PHONY: run build test vet deps test-deps smoke keys bench bench-cli clean windows dist test-windows

run: build
	$(BIN)

build: deps
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) .

# deps installs missing Debian packages: directly as root, through sudo when
# it works without a password, and otherwise stops with the command to run.
deps:
	@./.ci/apt-ensure $(BUILD_DEPS)

test-deps: deps
	@./.ci/apt-ensure $(TEST_DEPS)

vet: deps
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi

# The Go tests run inside .ci/pg-cluster: a throwaway PostgreSQL server in a
# temporary folder, on a free port, stopped and removed afterwards. The
# library tests that need it fail (not skip) under make if it is missing.
test: test-deps vet build
	PACTWRIGHT_TEST_POSTGRES_REQUIRED=1 ./.ci/pg-cluster $(GO) test -race -count=1 -timeout 30m ./...
	$(MAKE) --no-print-directory smoke
	$(MAKE) --no-print-directory keys

# smoke starts the real binary in a window under Xvfb, types into a field,
# checks the library saved it and keeps a screenshot of every tab. It
# measures response times with framewatch (XTest + MIT-SHM, hence
# libxtst-dev and libxext-dev in TEST_DEPS).
smoke: build
	@./.ci/apt-ensure libxtst-dev libxext-dev
	$(GO) test ./forms/testdata/framewatch
	$(GO) build -o bin/framewatch ./forms/testdata/framewatch
	./forms/testdata/smoke.sh $(BIN) $(ARTIFACTS)/smoke bin/framewatch

# keys drives a blank agreement to an exported PDF in a real window with
# key events only, then reads the PDF and the library back.
keys: build
	./forms/testdata/keyboard.sh $(BIN) $(ARTIFACTS)/keys

bench: deps
	@./.ci/apt-ensure postgresql
	./.ci/pg-cluster $(GO) test -run '^$$' -bench . -benchmem ./...

# bench-cli times whole `pactwright` processes (example, check, list,
# render) with hyperfine.
bench-cli: build
	@./.ci/apt-ensure hyperfine
	./.ci/bench-cli $(BIN)

# windows cross-builds the Windows exe (icon, version information, GUI
# subsystem). The first build compiles Fyne and SQLite for Windows: 10-15
# minutes on two cores.
windows: deps $(GO_WINRES)
	@./.ci/apt-ensure $(WIN_DEPS)
	GO='$(GO)' GO_WINRES='$(GO_WINRES)' VERSION='$(VERSION)' APP_BUILD='$(APP_BUILD)' \
	  LDFLAGS='$(LDFLAGS)' ./.ci/windows-exe $(WIN_EXE)

# dist writes the release packages and their SHA-256 sums into dist/, then
# installs the Linux tarball into a scratch home and runs it from there.
dist: deps windows $(FYNE_CLI)
	@./.ci/apt-ensure $(DIST_DEPS)
	$(GO) build -ldflags '-s -w $(LDFLAGS)' -o bin/release/pactwright .
	FYNE_CLI='$(FYNE_CLI)' VERSION='$(VERSION)' ./.ci/dist $(DIST) bin/release/pactwright $(WIN_EXE)

# test-windows runs the Windows exe under Wine: the CLI round trip and the
# window under Xvfb (screenshot in $(ARTIFACTS)/windows).
test-windows: windows
	@./.ci/apt-ensure $(WINE_DEPS)
	./.ci/test-windows $(WIN_EXE) $(ARTIFACTS)/windows

$(FYNE_CLI):
	GOBIN=$(TOOLS) $(GO) install fyne.io/tools/cmd/fyne@v1.7.4

$(GO_WINRES):
	GOBIN=$(TOOLS) $(GO) install github.com/tc-hib/go-winres@v0.3.3

clean:
	rm -rf bin $(DIST) $(ARTIFACTS)
