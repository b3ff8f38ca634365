// Signs in through next-auth's credentials flow over a connection from a chosen loopback address
// (any 127.x.y.z on Linux), since the server takes the client address from the socket itself.
import http from "node:http";

interface Answer {
  status: number;
  cookies: string[];
  text: string;
}

function request(options: {
  base: URL;
  from: string;
  method: string;
  path: string;
  cookie?: string;
  form?: string;
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.base.hostname,
        port: options.base.port,
        path: options.path,
        method: options.method,
        localAddress: options.from,
        agent: false,
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(options.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, cookies: response.headers["set-cookie"] ?? [], text }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.form);
  });
}

/** Returns the error next-auth reported (null when signed in) and how long the answer took. */
export async function signInFrom(
  appUrl: string,
  from: string,
  credentials: { email: string; password: string },
): Promise<{ error: string | null; ms: number }> {
  const base = new URL(appUrl);
  const csrf = await request({ base, from, method: "GET", path: "/api/auth/csrf" });
  const cookie = csrf.cookies.map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, ...credentials, json: "true" }).toString();
  const started = performance.now();
  const answer = await request({ base, from, method: "POST", path: "/api/auth/callback/credentials", cookie, form });
  const ms = performance.now() - started;
  const location = (JSON.parse(answer.text) as { url?: string }).url ?? "";
  const error = new URL(location, base).searchParams.get("error");
  const signedIn = answer.cookies.some((c) => /next-auth\.session-token=/.test(c));
  return { error: error ?? (signedIn ? null : "no session"), ms };
}
