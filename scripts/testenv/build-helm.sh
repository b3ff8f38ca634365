#!/usr/bin/env bash
# Builds helm from the Go module pinned in ./helm, once per version, into a cache outside the
# repository (the chart tests run `helm lint` / `helm template` offline). Prints the binary's path.
# A warm run only checks that the binary exists.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0
version=$(awk '$1=="helm.sh/helm/v3" || $2=="helm.sh/helm/v3" {print $NF}' "$here/helm/go.mod" | head -1)
out="${FLEETDECK_CACHE:-$HOME/.cache/fleetdeck}/helm/$version"
log() { echo "[build-helm] $*" >&2; }

if [ ! -x "$out/helm" ]; then
  log "building helm $version"
  start=$SECONDS
  mkdir -p "$out"
  # The same ldflags as helm's Makefile: its version, and the Kubernetes version its client
  # libraries speak, which `helm template` reports as .Capabilities.KubeVersion and lint checks
  # deprecated APIs against.
  k8s=$(cd "$here/helm" && go list -m -f '{{.Version}}' k8s.io/client-go) # v0.M.P
  minor=$(echo "$k8s" | cut -d. -f2)
  ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=$version"
  ldflags="$ldflags -X helm.sh/helm/v3/internal/version.metadata= -X helm.sh/helm/v3/internal/version.gitTreeState=clean"
  for pkg in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
    ldflags="$ldflags -X $pkg.k8sVersionMajor=1 -X $pkg.k8sVersionMinor=$minor"
  done
  (cd "$here/helm" && go build -trimpath -ldflags "$ldflags" -o "$out/helm.tmp" helm.sh/helm/v3/cmd/helm)
  mv "$out/helm.tmp" "$out/helm"
  log "built helm in $((SECONDS - start)) s"
fi
echo "$out/helm"
