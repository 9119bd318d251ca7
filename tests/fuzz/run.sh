#!/usr/bin/env bash
# Builds the libFuzzer target tests/fuzz/fuzz_pii.cpp (clang++-14 with
# -fsanitize=fuzzer,address,undefined) and runs it for N seconds.
#
#   tests/fuzz/run.sh [SECONDS]      default 20 (or $FUZZ_SECONDS)
#
# Seeds are the questions of tests/unit/pii_corpus.tsv; inputs libFuzzer finds
# interesting are kept in build/fuzz/corpus between runs. Exits non-zero when
# the build fails or the target crashes, trips a sanitizer, times out or
# breaks one of its assertions (the reproducer is written to build/fuzz/).
# Needs clang-14, libclang-rt-14-dev, libre2-dev, libssl-dev,
# libphonenumber-dev.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-${FUZZ_SECONDS:-20}}"
out="${FUZZ_BUILD_DIR:-build/fuzz}"
cxx="${FUZZ_CXX:-clang++-14}"
mkdir -p "$out/corpus" "$out/seeds"

sources=(tests/fuzz/fuzz_pii.cpp src/core/pii_anonymizer.cpp src/core/phone_detector.cpp
         src/core/text_fold.cpp src/core/keyed_hash.cpp src/core/sql_columns.cpp)
binary="$out/fuzz_pii"
rebuild=0
[ -x "$binary" ] || rebuild=1
for f in "${sources[@]}" src/core/*.hpp src/core/*.inc "$0"; do
  [ "$f" -nt "$binary" ] && rebuild=1
done
if [ "$rebuild" = 1 ]; then
  echo "fuzz: building $binary"
  "$cxx" -std=c++17 -g -O1 -Isrc \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    "${sources[@]}" -lre2 -lcrypto -lphonenumber -o "$binary"
fi

# One seed file per corpus question.
n=0
while IFS=$'\t' read -r question _; do
  n=$((n + 1))
  printf '%s' "$question" > "$out/seeds/q$n"
done < tests/unit/pii_corpus.tsv

echo "fuzz: running for ${seconds}s"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
"$binary" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -dict=tests/fuzz/pii.dict -print_final_stats=1 -artifact_prefix="$out/" \
  "$out/corpus" "$out/seeds"
echo "fuzz: no failures in ${seconds}s"
