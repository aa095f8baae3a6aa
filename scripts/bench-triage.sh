#!/usr/bin/env bash
# bench-triage.sh: stormdesk's triage engine beside the scikit-learn peer
# (shared/peers/sklearn_baseline.py) on the same data sets, in one run,
# printed as ONE comparison table (quality and time); then the Go speed
# benchmarks (cost per ticket against the number of active clusters, and
# memory per ticket).
#
#   scripts/bench-triage.sh                 # everything
#   PEER=0 scripts/bench-triage.sh          # skip the Python peer
#   SPEED=0 scripts/bench-triage.sh         # skip the Go benchmarks
#   PEER_SEEDS=1 scripts/bench-triage.sh    # fewer peer seeds (faster)
#   SPEED_COUNT=3 scripts/bench-triage.sh   # fewer speed runs (default 6)
#
# The peer needs Debian's python3 with scikit-learn:
#   apt-get install -y python3-sklearn
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${DATA:-../shared/data}
PEER_PY=${PEER_PY:-../shared/peers/sklearn_baseline.py}
PYTHON=${PYTHON:-/usr/bin/python3}
SEED=${SEED:-1}
PEER=${PEER:-1}
SPEED=${SPEED:-1}
PEER_SEEDS=${PEER_SEEDS:-5}
SPEED_COUNT=${SPEED_COUNT:-6}
GO=${GO:-go}
BENCHSTAT=${BENCHSTAT:-go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "bench-triage: $*" >&2; exit 1; }
[ -d "$DATA" ] || fail "data directory $DATA not found (set DATA=)"

# Prefer the real CLI; fall back to the triage-only runner while the
# service's main does not wire "triage" yet.
cli=("$tmp/stormdesk" triage)
if ! { $GO build -o "$tmp/stormdesk" ./cmd/stormdesk 2>/dev/null && "$tmp/stormdesk" triage -h >/dev/null 2>&1; }; then
	$GO build -o "$tmp/triage-eval" ./triage/triagecmd/triage-eval
	cli=("$tmp/triage-eval")
fi

# name | file | text column | label column | peer data set name
sets=(
	"banking77_test|$DATA/banking77/test.csv|text|category|banking77_test"
	"bitext_test|$DATA/bitext_customer_service/test.csv|utterance|intent|bitext_test"
	"dstc11_development|$DATA/dstc11_intent_clustering/development.test-utterances.jsonl|utterance|intent|dstc11_utt_development"
)

peer_names=()
for s in "${sets[@]}"; do
	IFS='|' read -r name file text label peer <<<"$s"
	[ -f "$file" ] || fail "$file missing"
	echo "bench-triage: stormdesk triage eval $name" >&2
	"${cli[@]}" eval "$file" --text "$text" --label "$label" --shuffle "$SEED" --progress never --dense=true >"$tmp/sd_$name.txt"
	"${cli[@]}" eval "$file" --text "$text" --label "$label" --shuffle "$SEED" --progress never --dense=false >"$tmp/sdsparse_$name.txt"
	# As the service runs: Refine (and so the word-vector refits) every
	# 500 tickets, with and without learning the desk's vocabulary.
	"${cli[@]}" eval "$file" --text "$text" --label "$label" --shuffle "$SEED" --progress never --refine-every 500 >"$tmp/sdlearn_$name.txt"
	"${cli[@]}" eval "$file" --text "$text" --label "$label" --shuffle "$SEED" --progress never --refine-every 500 --set VectorRefit=0 >"$tmp/sdshipped_$name.txt"
	peer_names+=("$peer")
done

peer_json=""
if [ "$PEER" = 1 ]; then
	if "$PYTHON" -c 'import sklearn, scipy, numpy' 2>/dev/null; then
		echo "bench-triage: scikit-learn peer (${PEER_SEEDS} seeds; a few minutes)" >&2
		"$PYTHON" "$PEER_PY" --datasets "${peer_names[@]}" --seeds "$PEER_SEEDS" --no-sklearn-check \
			--json "$tmp/peer.json" >"$tmp/peer.log" 2>&1 || { cat "$tmp/peer.log" >&2; fail "peer failed"; }
		peer_json="$tmp/peer.json"
	else
		[ "${CI:-}" = true ] && fail "python3-sklearn is required in CI (apt-get install -y python3-sklearn)"
		echo "bench-triage: WARNING: $PYTHON has no scikit-learn; peer rows left out (apt-get install -y python3-sklearn)" >&2
	fi
fi

# One table. Rendering needs only the Python standard library; without
# Python at all, the stormdesk figures are printed as they are.
if command -v "$PYTHON" >/dev/null 2>&1; then
	"$PYTHON" - "$tmp" "$peer_json" "${sets[@]}" <<'PY'
import json, sys
tmp, peer_json, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
peer = {}
if peer_json:
    for r in json.load(open(peer_json))["results"]:
        peer[r["dataset"]] = r
print("| data set | system | ARI | NMI | ACC | HOM | COM | clusters | time s | tickets/s |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for s in sets:
    name, _, _, _, pname = s.split("|")
    for file, label in ((f"{tmp}/sd_{name}.txt", "stormdesk triage, with the dense block (--dense=true)"),
                        (f"{tmp}/sdsparse_{name}.txt", "stormdesk triage, without it (--dense=false)"),
                        (f"{tmp}/sdlearn_{name}.txt", "stormdesk, Refine every 500 as in serve, learning the vocabulary (--refine-every 500)"),
                        (f"{tmp}/sdshipped_{name}.txt", "stormdesk, Refine every 500, shipped vectors only (--set VectorRefit=0)")):
        kv = {}
        for line in open(file):
            k, _, v = line.partition(":")
            kv[k.strip()] = v.strip()
        f = lambda k: float(kv[k])
        t = f("assign_s") + f("refine_s")
        print(f"| {name} | {label} | {f('ARI'):.3f} | {f('NMI'):.3f} | {f('ACC'):.3f} | "
              f"{f('homogeneity'):.3f} | {f('completeness'):.3f} | {int(f('clusters'))} | {t:.2f} | {f('tickets_per_s'):.0f} |")
    res = peer.get(pname)
    if not res:
        continue
    n = res["n"]
    rows = res["rows"]
    def line(label, r):
        print(f"| {name} | {label}: {r['feat']} {r['method']} | {r['ARI']/100:.3f} | {r['NMI']/100:.3f} | {r['ACC']/100:.3f} | "
              f"{r['HOM']/100:.3f} | {r['COM']/100:.3f} | {r['n_clusters']:.0f} | {r['time_s']:.2f} | {n / r['time_s']:.0f} |")
    unknown = [r for r in rows if "threshold" in r]
    online = [r for r in rows if r["method"].startswith("Online")]
    known = [r for r in rows if "KMeans" in r["method"] and "LSA" not in r["method"]]
    if unknown:
        line("sklearn best k-unknown (oracle threshold)", max(unknown, key=lambda r: r["ARI"]))
    if online:
        line("sklearn best online centroid", max(online, key=lambda r: r["ARI"]))
    if known:
        line("sklearn KMeans, k given", max(known, key=lambda r: r["ARI"]))
PY
else
	for s in "${sets[@]}"; do IFS='|' read -r name _ <<<"$s"; echo "== $name"; cat "$tmp/sd_$name.txt"; done
fi

if [ "$SPEED" = 1 ]; then
	# The target is per core: GOMAXPROCS=1 and, where taskset exists, the
	# process pinned to CPU 0, so GC shares that core too. Medians of
	# SPEED_COUNT runs through benchstat.
	echo
	echo "Go benchmarks on one core (one ticket = normalise + features + candidate search + update), medians of $SPEED_COUNT:"
	$GO test -c -o "$tmp/triage.test" ./triage/
	pin=()
	command -v taskset >/dev/null 2>&1 && pin=(taskset -c 0)
	(cd triage && "${pin[@]}" "$tmp/triage.test" -test.run '^$' -test.bench 'BenchmarkAssign$|BenchmarkNormalize|BenchmarkMemoryPerTicket' \
		-test.benchtime 20000x -test.cpu 1 -test.count "$SPEED_COUNT") >"$tmp/speed.txt"
	# One refit of the learned word vectors (time and what it allocates).
	(cd triage && "${pin[@]}" "$tmp/triage.test" -test.run '^$' -test.bench 'BenchmarkRefit' \
		-test.benchtime 3x -test.cpu 1 -test.count "$SPEED_COUNT") >>"$tmp/speed.txt"
	$BENCHSTAT "$tmp/speed.txt" 2>/dev/null || awk '/^Benchmark/ {print}' "$tmp/speed.txt"
	# The dense block's cost, A/B in the same run: one process per run,
	# alternating without and with it, so drift hits both alike.
	echo
	echo "CPU per ticket at 10,000 clusters without the dense block, with it, and with it on the shipped vectors alone (no learning), interleaved, $SPEED_COUNT runs each:"
	for i in $(seq "$SPEED_COUNT"); do
		for d in false true shipped; do
			(cd triage && "${pin[@]}" "$tmp/triage.test" -test.run '^$' -test.bench "BenchmarkAssignDense/clusters=10000/dense=$d\$" \
				-test.benchtime 20000x -test.cpu 1 -test.count 1) | grep '^Benchmark'
		done
	done >"$tmp/dense.txt"
	$BENCHSTAT "$tmp/dense.txt" 2>/dev/null || cat "$tmp/dense.txt"
fi
