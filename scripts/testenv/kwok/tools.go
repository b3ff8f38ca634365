//go:build tools

// Package tools pins kwok, which simulates nodes, pod status, logs and exec for the test clusters.
package tools

import _ "sigs.k8s.io/kwok/cmd/kwok"
