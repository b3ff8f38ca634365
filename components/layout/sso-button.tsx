"use client";

// Starts single sign-on: next-auth sends the browser to the identity provider, which sends it back
// to the page it came from (or /login with the reason it was refused).
import { signIn } from "next-auth/react";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "../ui/button";

export function SsoButton({ name, primary }: { name: string; primary: boolean }) {
  const params = useSearchParams();
  const [busy, setBusy] = useState(false);
  const back = params.get("callbackUrl");
  return (
    <Button
      variant={primary ? "primary" : "secondary"}
      className="w-full justify-center"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signIn("oidc", { callbackUrl: back?.startsWith("/") ? back : "/" });
      }}
    >
      {busy ? `Going to ${name}…` : `Sign in with ${name}`}
    </Button>
  );
}
