// Commands to run on the remote side, shown as they are typed (selectable, never wrapped mid-word).
export function CommandBlock({ label, children }: { label: string; children: string }) {
  return (
    <figure className="space-y-1">
      <figcaption className="text-xs text-muted">{label}</figcaption>
      <pre className="overflow-x-auto rounded-md border border-line bg-canvas p-2 font-mono text-xs">
        <code>{children}</code>
      </pre>
    </figure>
  );
}
