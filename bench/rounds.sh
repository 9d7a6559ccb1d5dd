#!/usr/bin/env bash
# Paired comparison for a noisy machine: each round runs every command once (in rotating
# order), and each command's figure is the median over rounds of its wall (and CPU) time
# divided by the last command's in the same round, so that drift in the machine's speed
# cancels out.
#
#   bash bench/rounds.sh ROUNDS FILE "label|command" ... "reference|command"
#
# {} in a command stands for FILE. Example (issue 3's check against the first build):
#   bash bench/rounds.sh 21 bench/data/1m.pcap "now|./jcap -n -r {}" "first|../b6a9230/jcap -n -r {}"
set -euo pipefail
rounds=$1
file=$2
shift 2
specs=("$@")
n=${#specs[@]}
times=$(mktemp)
log=$(mktemp)
trap 'rm -f "$times" "$log"' EXIT
for ((i = 0; i < rounds; i++)); do
    for ((k = 0; k < n; k++)); do
        spec=${specs[$(((k + i) % n))]}
        label=${spec%%|*}
        cmd=${spec#*|}
        cmd=${cmd//\{\}/$file}
        /usr/bin/time -o "$times" -f '%e %U %S' bash -c "$cmd" >/dev/null 2>&1 </dev/null
        echo "$i $label $(tail -1 "$times")" >>"$log"
    done
done
python3 - "$log" "${specs[@]}" <<'PY'
import collections, statistics as st, sys
labels = [s.split('|')[0] for s in sys.argv[2:]]
ref = labels[-1]
runs = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    i, label, wall, user, system = line.split()
    runs[label][i] = (float(wall), float(user) + float(system))
for label in labels:
    r = runs[label]
    wall = [w for w, _ in r.values()]
    cpu = [c for _, c in r.values()]
    ratio = [r[i][0] / runs[ref][i][0] for i in r]
    cratio = [r[i][1] / runs[ref][i][1] for i in r]
    print(f"{label:10s} wall median {st.median(wall):.2f} s (best {min(wall):.2f}), CPU median {st.median(cpu):.2f} s;"
          f" ÷ {ref}: wall {st.median(ratio):.3f}, CPU {st.median(cratio):.3f}")
PY
