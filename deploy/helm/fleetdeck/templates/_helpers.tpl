{{/* Names and labels shared by every template. */}}

{{/* The chart name, or nameOverride. */}}
{{- define "fleetdeck.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* "<release>-<chart>" (just the release when it already contains the chart name), at most 63 characters. */}}
{{- define "fleetdeck.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* "fleetdeck-0.1.0", for the helm.sh/chart label. */}}
{{- define "fleetdeck.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that pick this release's pods; never change them (a Deployment's selector is immutable). */}}
{{- define "fleetdeck.selectorLabels" -}}
app.kubernetes.io/name: {{ include "fleetdeck.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "fleetdeck.labels" -}}
helm.sh/chart: {{ include "fleetdeck.chart" . }}
{{ include "fleetdeck.selectorLabels" . }}
app.kubernetes.io/version: {{ include "fleetdeck.imageTag" . | quote }}
app.kubernetes.io/component: dashboard
app.kubernetes.io/part-of: fleetdeck
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The image tag: image.tag, or the chart's appVersion. */}}
{{- define "fleetdeck.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/* The ServiceAccount the pods run as. */}}
{{- define "fleetdeck.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "fleetdeck.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret holding DATABASE_URL, ENCRYPTION_KEY, NEXTAUTH_SECRET (and METRICS_TOKEN): the user's or the chart's. */}}
{{- define "fleetdeck.secretName" -}}
{{- .Values.existingSecret | default (include "fleetdeck.fullname" .) }}
{{- end }}

{{/* NEXTAUTH_URL: publicUrl, else the first ingress host (https with TLS), else the port-forward address. */}}
{{- define "fleetdeck.publicUrl" -}}
{{- if .Values.publicUrl }}
{{- .Values.publicUrl | trimSuffix "/" }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- $host := (first .Values.ingress.hosts).host }}
{{- printf "%s://%s" (ternary "https" "http" (gt (len .Values.ingress.tls) 0)) $host }}
{{- else }}
{{- print "http://localhost:3000" }}
{{- end }}
{{- end }}

{{/* Pod annotations: the Secret's checksum (a change of the chart's Secret rolls the pods, since
environment variables are read at start), Prometheus scrape hints when asked, and podAnnotations. */}}
{{- define "fleetdeck.podAnnotations" -}}
{{- $annotations := dict }}
{{- if not .Values.existingSecret }}
{{- $_ := set $annotations "checksum/secret" (include (print .Template.BasePath "/secret.yaml") . | sha256sum) }}
{{- end }}
{{- if .Values.metrics.scrapeAnnotations }}
{{- $_ := set $annotations "prometheus.io/scrape" "true" }}
{{- $_ := set $annotations "prometheus.io/path" "/api/metrics" }}
{{- $_ := set $annotations "prometheus.io/port" "3000" }}
{{- end }}
{{- $annotations = merge (deepCopy .Values.podAnnotations) $annotations }}
{{- if $annotations }}
{{- toYaml $annotations }}
{{- end }}
{{- end }}
