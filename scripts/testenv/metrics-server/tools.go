//go:build tools

// Package tools pins metrics-server, which serves metrics.k8s.io from kwok's emulated kubelet metrics.
// It has its own module because its Kubernetes libraries differ from the control plane's pin.
package tools

import _ "sigs.k8s.io/metrics-server/cmd/metrics-server"
