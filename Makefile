# The two commands the README starts with:
#   make run    set up, build the UI and the server, and run the demo shop on http://127.0.0.1:8080
#   make test   set up and run every test: Rust unit, property and black-box tests, UI tests,
#               browser tests and the desktop app tests
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
DATA_DIR ?= forno-data

.PHONY: run test setup setup-test ui test-rust test-ui test-e2e test-desktop test-build bench lint

# The demo shop `make run` creates takes orders around the clock (so a first try at night works);
# a real shop, or `forno serve` without it, keeps its opening hours.
run: setup ui
	FORNO_DEMO_ALWAYS_OPEN=1 cargo run --release -- serve --data-dir $(DATA_DIR)

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh test

# The pages every release binary embeds (ui/dist); installs ui/'s packages first when needed.
ui:
	node scripts/build-ui.mjs

test: setup-test ui lint test-rust test-ui test-e2e test-desktop test-build

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

# The default members: everything but the desktop shell, whose tests are test-desktop's.
test-rust:
	cargo test --no-fail-fast

test-ui:
	cd ui && npm run lint && npm test

# The browser tests run target/debug/forno as `cargo test` builds it for the black-box tests:
# `cargo build --bin forno` would compile the dependencies a second time without the tests'
# features (about six minutes on 2 cores), for the same program.
test-e2e:
	cargo test --no-run
	cd ui && npm run e2e

test-desktop:
	bash tests/desktop/run.sh

# A release binary carries the current pages whatever the build order, or refuses to build
# (three incremental release builds; leaves ui/dist and target/release/forno in step).
test-build:
	bash tests/build/pages-embedded.sh

bench: ui
	cargo run --release -- bench orders
	cargo run --release -- bench live
