// The Kubernetes endpoint form's impersonation checkbox, with what it does and does not cover.

export function ImpersonateOption({ checked, onChange }: { checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> Act in the cluster as
        the signed-in person (impersonation)
      </label>
      <p className="text-xs text-muted">
        Changes, secret values, logs and an object&apos;s own page are requested with{" "}
        <code>Impersonate-User: &lt;their email&gt;</code> and <code>Impersonate-Group: fleetdeck:&lt;team&gt;</code>{" "}
        for each of their teams, so the cluster&apos;s RBAC decides and its audit log names the person; a refusal shows
        in the cluster&apos;s words. Lists, live updates and the overview come from one shared watch per cluster under
        these credentials, filtered by Fleetdeck&apos;s grants. The credentials must be allowed to impersonate users and
        groups.
      </p>
    </div>
  );
}
