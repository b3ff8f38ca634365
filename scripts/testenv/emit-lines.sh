#!/bin/sh
# Baked into the test image as /usr/local/bin/emit-lines: prints numbered lines at a chosen rate.
#   emit-lines RATE_PER_SECOND COUNT [plain|stderr|json|long|mixed]   (COUNT 0 = forever)
rate=${1:-10}; count=${2:-0}; kind=${3:-plain}
delay=$(awk "BEGIN { printf \"%.4f\", 1 / $rate }")
long=$(head -c 20000 /dev/zero | tr '\0' 'x')
i=1
while [ "$count" = 0 ] || [ "$i" -le "$count" ]; do
  k=$kind
  if [ "$kind" = mixed ]; then case $((i % 4)) in 0) k=plain;; 1) k=stderr;; 2) k=json;; 3) k=long;; esac; fi
  case $k in
    stderr) echo "line $i to stderr" >&2 ;;
    json) echo "{\"level\":\"info\",\"n\":$i,\"msg\":\"line $i\"}" ;;
    long) echo "line $i long $long" ;;
    *) echo "line $i" ;;
  esac
  i=$((i + 1))
  sleep "$delay"
done
