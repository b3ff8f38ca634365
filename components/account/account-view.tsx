"use client";

// The account page's sections: password, signed-in sessions, API tokens. Lists start from what the
// server rendered and are read again after each change.
import { useState, type ReactNode } from "react";
import type { SessionView } from "@/lib/account/sessions";
import type { TokenView } from "@/lib/account/tokens";
import { api } from "@/lib/client/api";
import { ChangePasswordForm } from "./change-password-form";
import { CreateTokenForm } from "./create-token-form";
import { NewTokenNotice } from "./new-token-notice";
import { SessionList } from "./session-list";
import { TokenList } from "./token-list";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-3" aria-labelledby={`section-${title}`}>
      <h2 id={`section-${title}`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** `passwords`: local accounts are on (LOCAL_ACCOUNTS); otherwise there is no password to change. */
export function AccountView(props: {
  sessions: SessionView[];
  tokens: TokenView[];
  minPasswordLength: number;
  passwords: boolean;
}) {
  const [sessions, setSessions] = useState(props.sessions);
  const [tokens, setTokens] = useState(props.tokens);
  const [newToken, setNewToken] = useState<string | null>(null);
  const reloadSessions = () =>
    void api<{ sessions: SessionView[] }>("/api/account/sessions").then((r) => setSessions(r.sessions));
  const reloadTokens = () => void api<{ tokens: TokenView[] }>("/api/account/tokens").then((r) => setTokens(r.tokens));

  return (
    <div className="space-y-8">
      {props.passwords ? (
        <Section title="Password">
          <ChangePasswordForm minLength={props.minPasswordLength} onChanged={reloadSessions} />
        </Section>
      ) : null}
      <Section title="Sessions">
        <SessionList sessions={sessions} onChange={reloadSessions} />
      </Section>
      <Section title="API tokens">
        <p className="max-w-prose text-muted">
          For scripts and automation. A token acts as you, never with more than your own access, and at most with the
          access chosen here.
        </p>
        {newToken ? <NewTokenNotice token={newToken} onDone={() => setNewToken(null)} /> : null}
        <CreateTokenForm
          onCreated={(token) => {
            setNewToken(token);
            reloadTokens();
          }}
        />
        <TokenList tokens={tokens} onChange={reloadTokens} />
      </Section>
    </div>
  );
}
