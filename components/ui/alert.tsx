import type { ReactNode } from "react";

export function Alert({ tone = "bad", children }: { tone?: "bad" | "ok" | "warn"; children: ReactNode }) {
  const color = { bad: "border-bad text-bad", ok: "border-ok text-ok", warn: "border-warn text-warn" }[tone];
  return (
    <div role={tone === "bad" ? "alert" : "status"} className={`rounded-md border-l-4 bg-panel px-3 py-2 ${color}`}>
      {children}
    </div>
  );
}
