//go:build tools

// Package tools pins helm, which the chart tests run offline (`helm lint`, `helm template`).
// It has its own module because its Kubernetes libraries differ from the control plane's pin.
package tools

import _ "helm.sh/helm/v3/cmd/helm"
