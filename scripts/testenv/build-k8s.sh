#!/usr/bin/env bash
# Builds etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok and metrics-server from
# the Go modules pinned in ./k8s, ./kwok and ./metrics-server, once per version, into a cache outside
# the repository; and helm (build-helm.sh) for the chart tests. Prints the bin directory. A warm run
# only checks that the binaries exist.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0
k8s_version=$(awk '$1=="k8s.io/kubernetes" {print $2}' "$here/k8s/go.mod")
kwok_version=$(awk '$1=="sigs.k8s.io/kwok" || $2=="sigs.k8s.io/kwok" {print $NF}' "$here/kwok/go.mod" | head -1)
ms_version=$(awk '$1=="sigs.k8s.io/metrics-server" || $2=="sigs.k8s.io/metrics-server" {print $3}' "$here/metrics-server/go.mod" | head -1)
cache=${FLEETDECK_CACHE:-$HOME/.cache/fleetdeck}
bin="$cache/k8s/${k8s_version}-kwok-${kwok_version}/bin"
mkdir -p "$bin"
log() { echo "[build-k8s] $*" >&2; }

build() { # name, module dir, package, extra ldflags, output dir
  local name=$1 dir=$2 pkg=$3 ldflags=${4:-} out=${5:-$bin}
  if [ -x "$out/$name" ]; then return; fi
  log "building $name ($pkg)"
  local start=$SECONDS
  mkdir -p "$out"
  (cd "$dir" && go build -trimpath -ldflags "-s -w $ldflags" -o "$out/$name.tmp" "$pkg")
  mv "$out/$name.tmp" "$out/$name"
  log "built $name in $((SECONDS - start)) s"
}

ver="-X k8s.io/component-base/version.gitVersion=${k8s_version} -X k8s.io/component-base/version.gitMajor=1"
ver="$ver -X k8s.io/component-base/version.gitMinor=$(echo "$k8s_version" | cut -d. -f2)"
ver="$ver -X k8s.io/component-base/version.gitTreeState=clean"
ver="$ver -X k8s.io/client-go/pkg/version.gitVersion=${k8s_version}"
build etcd "$here/k8s" go.etcd.io/etcd/server/v3
build kube-apiserver "$here/k8s" k8s.io/kubernetes/cmd/kube-apiserver "$ver"
build kube-controller-manager "$here/k8s" k8s.io/kubernetes/cmd/kube-controller-manager "$ver"
build kube-scheduler "$here/k8s" k8s.io/kubernetes/cmd/kube-scheduler "$ver"
build kwok "$here/kwok" sigs.k8s.io/kwok/cmd/kwok
# Its own cache key (and module: it pins other Kubernetes libraries), linked into the bin directory,
# so changing its version does not rebuild the control plane.
ms_bin="$cache/metrics-server/$ms_version"
build metrics-server "$here/metrics-server" sigs.k8s.io/metrics-server/cmd/metrics-server \
  "-X k8s.io/client-go/pkg/version.gitVersion=$ms_version" "$ms_bin"
ln -sfn "$ms_bin/metrics-server" "$bin/metrics-server"
# helm, for the chart tests (tests/support/helm.ts finds it in its own cache directory).
bash "$here/build-helm.sh" >/dev/null

# kwok's own Stage definitions (node initialise, heartbeat with lease, pod ready/complete/delete),
# taken from the module at the pinned version and cached beside the binaries.
stages="$(dirname "$bin")/stages"
if [ ! -f "$stages/pod-delete.yaml" ]; then
  src=$(cd "$here/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)/kustomize/stage
  mkdir -p "$stages"
  cp "$src/node/fast/node-initialize.yaml" "$src/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml" \
    "$src/pod/fast/pod-ready.yaml" "$src/pod/fast/pod-complete.yaml" "$src/pod/fast/pod-delete.yaml" "$stages/"
fi
# kwok's emulated kubelet /metrics/resource (Metric) and pod usage from annotations (ClusterResourceUsage).
metrics="$(dirname "$bin")/metrics"
if [ ! -f "$metrics/usage-from-annotation.yaml" ]; then
  src=$(cd "$here/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)/kustomize/metrics
  mkdir -p "$metrics"
  cp "$src/resource/metrics-resource.yaml" "$src/usage/usage-from-annotation.yaml" "$metrics/"
fi
echo "$bin"
