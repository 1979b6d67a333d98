#!/usr/bin/env bash
# etkg's one entry point for people and CI.
#
#   ./run.sh demo    install what is missing, build, ingest examples/docs,
#                    write out/graph.json, out/graph.dot, out/graph.svg and
#                    print a summary
#   ./run.sh test    install what is missing, build, run every test
#   ./run.sh build   install what is missing and build
#   ./run.sh deps    only install the Debian packages that are missing
#   ./run.sh bench   install what is missing, build with the benchmarks and
#                    run the extraction benchmark (flags go to it)
#   ./run.sh harden  build with clang, ASan, UBSan and the fuzzers in
#                    build-harden, run every test there, then each fuzzer
#                    for FUZZ_SECONDS; `test` runs it too
#
# Environment: BUILD_DIR (default build), JOBS (default: all cores),
# HARDEN_DIR (default build-harden), FUZZ_SECONDS (default 60).
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}

# Debian packages the build, the tests and the demo need.
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz
  libhyperscan-dev libicu-dev libcli11-dev libstemmer-dev iso-codes wamerican
  libgoogle-perftools-dev
  libgtest-dev libgmock-dev clang-format
  libbenchmark-dev python3-networkx python3-igraph
  clang libclang-rt-14-dev
)

# Debian packages only the tests need: a browser and a font for the HTML
# page's end-to-end test (driven by playwright-core from web/). Installed by
# `./run.sh test` alone, so the demo stays light.
TEST_PACKAGES=(chromium fonts-liberation)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs those of the given Debian packages that are missing.
install_missing() {
  local missing=()
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  log "installing ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The build's configure step installs, with npm, the world table's cities
# (data/) and the HTML viewer's libraries (web/): Node.js and npm come
# before it.
deps() {
  install_missing "${PACKAGES[@]}"
  if ! command -v npm >/dev/null 2>&1; then
    log "no npm: installing Debian's nodejs and npm"
    install_missing nodejs npm ||
      log "no npm: no world cities, no html export; their tests will skip"
  fi
}

# What the tests need beyond the build: a browser.
test_deps() {
  install_missing "${TEST_PACKAGES[@]}" ||
    log "could not install ${TEST_PACKAGES[*]}: the browser test will skip"
}

build() {
  deps
  log "building in $BUILD_DIR"
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

demo() {
  build
  mkdir -p out
  local etkg="$BUILD_DIR/etkg"
  log "etkg ingest examples/docs -o out/graph.json"
  "$etkg" ingest examples/docs -o out/graph.json
  "$etkg" export out/graph.json --format dot -o out/graph.dot
  "$etkg" export out/graph.json --format svg -o out/graph.svg
  "$etkg" export out/graph.json --format html -o out/graph.html ||
    log "the HTML viewer was not built (npm missing when configuring): no out/graph.html"
  log "wrote out/graph.json, out/graph.dot, out/graph.svg, out/graph.html"
  "$etkg" stats out/graph.json
}

# The tests read exports back with real consumers: Cytoscape.js from npm;
# and drive the HTML page with playwright-core (web/, which the build's
# configure step installs; again here if that failed).
consumers() {
  if ! command -v npm >/dev/null 2>&1; then
    log "no npm: the Cytoscape.js and the browser tests will skip"
    return 0
  fi
  if [ ! -d tests/consumers/node_modules/cytoscape ]; then
    log "npm ci in tests/consumers"
    (cd tests/consumers && npm ci --no-audit --no-fund --silent) ||
      log "npm ci failed: the Cytoscape.js test will skip"
  fi
  if [ ! -d web/node_modules/playwright-core ] || [ ! -d web/node_modules/cytoscape ]; then
    log "npm ci in web"
    (cd web && npm ci --no-audit --no-fund --silent) ||
      log "npm ci failed: the browser test will skip"
  fi
}

run_tests() {
  deps
  test_deps
  build
  consumers
  log "running the tests"
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
  harden
}

# The hardening build: clang with AddressSanitizer, UndefinedBehaviorSanitizer
# and the libFuzzer targets (fuzz/), asserts on. Runs every test under the
# sanitizers, then each fuzzer for FUZZ_SECONDS, two at a time, from its seed
# corpus (fuzz/corpus/, read only: new inputs go to HARDEN_DIR) plus
# the example documents and golden graphs. Any crash, sanitizer report,
# leak, timeout or memory blow-up fails the step; the input that caused it
# is kept as HARDEN_DIR/fuzz-artifacts/TARGET-*.
HARDEN_DIR=${HARDEN_DIR:-build-harden}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}

# Runs one fuzzer for FUZZ_SECONDS; its log goes to HARDEN_DIR/fuzz-logs/.
fuzz_one() {
  local target=$1 dict=$2
  shift 2
  local corpus="$HARDEN_DIR/fuzz-corpus/$target" artifacts="$HARDEN_DIR/fuzz-artifacts"
  local log_file="$HARDEN_DIR/fuzz-logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log_file")"
  if "$HARDEN_DIR/fuzz/${target}_fuzzer" -max_total_time="$FUZZ_SECONDS" -timeout=10 \
    -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 -dict="fuzz/$dict" \
    -artifact_prefix="$artifacts/$target-" "$corpus" "fuzz/corpus/$target" "$@" \
    >"$log_file" 2>&1; then
    log "fuzzer $target: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log_file")"
  else
    log "fuzzer $target FAILED; its log ($log_file) ends:"
    tail -n 40 "$log_file" >&2
    return 1
  fi
}

harden() {
  deps
  log "building with clang and the sanitizers in $HARDEN_DIR"
  cmake -S . -B "$HARDEN_DIR" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DETKG_SANITIZE=ON -DETKG_BUILD_FUZZERS=ON >/dev/null
  cmake --build "$HARDEN_DIR" -j "$JOBS"
  log "running the tests under ASan and UBSan"
  # Two tests are left to the plain build: they time a 50 MB document and
  # kill a writer at moments spread over its run, which the sanitizers slow
  # tenfold; the fuzzers and every other test cover the same code here.
  ctest --test-dir "$HARDEN_DIR" --output-on-failure -j "$JOBS" \
    -E 'FiftyMegabyteDocumentOnOneLine|KillingAWriterLeavesThePreviousOutputWhole'

  log "running each fuzzer for ${FUZZ_SECONDS}s, two at a time"
  local failed=0
  fuzz_one document dates.dict examples/docs &
  fuzz_one temporal_tagger dates.dict &
  wait -n || failed=1
  wait -n || failed=1
  fuzz_one extractor extractor.dict examples/docs &
  fuzz_one graph_json json.dict tests/exporters/golden &
  wait -n || failed=1
  wait -n || failed=1
  if [ "$failed" -ne 0 ]; then
    log "a fuzzer failed: reproduce with $HARDEN_DIR/fuzz/TARGET_fuzzer ARTIFACT"
    return 1
  fi
}

run_bench() {
  build -DETKG_BUILD_BENCH=ON
  log "running the extraction benchmark (one core; see bench/README.md)"
  "$BUILD_DIR/bench/etkg_extract_bench" "$@"
}

case "${1:-}" in
  demo) demo ;;
  test) run_tests ;;
  build) shift; build "$@" ;;
  deps) deps ;;
  bench) shift; run_bench "$@" ;;
  harden) harden ;;
  *)
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
