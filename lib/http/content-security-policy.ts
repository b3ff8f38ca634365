// The page's Content Security Policy: scripts only from this origin and those carrying this
// response's nonce (Next's own inline bootstrap gets it; 'strict-dynamic' trusts what they load),
// no eval outside development, no framing, no plugins, forms and <base> kept to this origin.
// Styles stay 'unsafe-inline': the editor, dialogs and toasts set style attributes.
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
