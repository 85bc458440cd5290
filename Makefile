# ImaGross Loyalty: the two commands of the README are `make run` and `make test`.

BUILD_DIR ?= build/release
ASAN_DIR ?= build/asan
DB ?= data/imagross.db
DEMO_DIR ?= data/demo
DEMO_LINES ?= 1000000
# The demo accounts' passwords, made by prepare-demo-db.sh; never committed.
CREDENTIALS ?= data/demo-credentials.txt
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)
IMAGROSS := $(BUILD_DIR)/src/cli/imagross

.PHONY: run test deps build web data serve asan format format-check clean help

help:
	@echo "make run    install what is missing, build, load the demo data, serve on http://$(LISTEN)"
	@echo "make test   build and run the whole suite (unit, HTTP, web, browser, sanitizers)"

deps:
	scripts/install-deps.sh

# Only the server binary: `make test` builds the tests, in the same directory.
build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j$(JOBS) --target imagross

web: deps
	scripts/build-web.sh

# The database is prepared once: delete data/imagross.db to load the demo data again, and
# data/demo-credentials.txt for new demo passwords.
data: build
	scripts/prepare-demo-db.sh $(IMAGROSS) $(DB) $(DEMO_DIR) $(DEMO_LINES) $(CREDENTIALS)

run: build web data
	@echo
	@echo "ImaGross Loyalty is starting on http://$(LISTEN) (Ctrl+C stops it)."
	@echo "Open http://$(LISTEN)/ for the admin dashboard."
	@scripts/prepare-demo-db.sh --print-sign-in $(CREDENTIALS)
	@echo
	$(IMAGROSS) --db $(DB) serve --listen $(LISTEN) --web-dir web/dist

test: deps
	scripts/test.sh

format:
	scripts/format.sh fix

format-check:
	scripts/format.sh check

clean:
	rm -rf build web/dist
