# Pactwright. The quick start is two commands: `make run` and `make test`.
# Both install what a fresh Debian/Ubuntu machine lacks before building.

BIN        := bin/pactwright
GO         ?= go
# Fyne logs an error at start-up when the locale is plain "C"; tests and CI
# often run that way, so give them a real one (and leave a real one alone).
ifeq ($(filter-out C C.UTF-8 POSIX,$(LANG)),)
export LANG := en_US.UTF-8
endif
# Packages needed to compile Fyne (cgo, X11, OpenGL headers) and SQLite.
BUILD_DEPS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev
# Tools the tests use to read PDFs, sign them, and drive a real window.
TEST_DEPS  := poppler-utils qpdf libnss3-tools mupdf-tools xvfb xauth xdotool imagemagick
ARTIFACTS  ?= test-artifacts

.PHONY: run build test vet deps test-deps smoke bench clean

run: build
	$(BIN)

build: deps
	$(GO) build -o $(BIN) .

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

test: test-deps vet build
	$(GO) test -race -count=1 ./...
	$(MAKE) --no-print-directory smoke

# smoke starts the real binary in a window under Xvfb, types into a field,
# checks the library saved it and keeps a screenshot of every tab.
smoke: build
	./forms/testdata/smoke.sh $(BIN) $(ARTIFACTS)/smoke

bench: deps
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin $(ARTIFACTS)
