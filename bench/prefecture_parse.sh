#!/usr/bin/env bash
# bench/prefecture_parse.sh - build and run the prefecture parser benchmark.
#
#   bash bench/prefecture_parse.sh [-n values] [-r runs]   timings (default 1M x 7)
#   bash bench/prefecture_parse.sh --valgrind              odd inputs under valgrind
#   bash bench/prefecture_parse.sh --asan                  odd inputs under ASan/UBSan
#
# Needs gcc, pkg-config and libicu-dev; no server.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/bench/prefecture_parse_bench
srcs=("$root/bench/prefecture_parse_bench.c" "$root/src/prefecture_parse.c"
	"$root/src/prefecture_match.c" "$root/src/prefecture_names.c")
icu=$(pkg-config --cflags --libs icu-uc icu-i18n)

case "${1:-}" in
--valgrind)
	# shellcheck disable=SC2086
	gcc -std=gnu99 -Wall -Wextra -O1 -g -I"$root/src" -o "$out" "${srcs[@]}" $icu
	valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		"$out" --odd
	;;
--asan)
	# shellcheck disable=SC2086
	gcc -std=gnu99 -Wall -Wextra -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
		-I"$root/src" -o "$out" "${srcs[@]}" $icu
	"$out" --odd
	;;
*)
	# shellcheck disable=SC2086
	gcc -std=gnu99 -Wall -Wextra -O2 -I"$root/src" -o "$out" "${srcs[@]}" $icu
	echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p')"
	"$out" "$@"
	;;
esac
