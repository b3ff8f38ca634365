// An HTTP client for the app as a browser would use it: next-auth sign-in, session cookie.
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  text: string;
  json: T;
}

export class ApiClient {
  private cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async raw(method: string, path: string, body?: string, contentType = "application/json"): Promise<ApiResponse> {
    const response = await fetch(path.startsWith("http") ? path : this.baseUrl + path, {
      method,
      redirect: "manual",
      headers: {
        ...this.headers,
        cookie: this.cookieHeader(),
        ...(body !== undefined ? { "content-type": contentType } : {}),
      },
      body,
    });
    this.remember(response);
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      /* not JSON */
    }
    return { status: response.status, text, json };
  }

  request<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.raw(method, path, body === undefined ? undefined : JSON.stringify(body)) as Promise<ApiResponse<T>>;
  }

  /** Signs in through next-auth's credentials flow; returns the error next-auth reported, if any. */
  async signIn(email: string, password: string): Promise<string | null> {
    const csrf = await this.request<{ csrfToken: string }>("GET", "/api/auth/csrf");
    const form = new URLSearchParams({ csrfToken: csrf.json.csrfToken, email, password, json: "true" });
    const response = await this.raw(
      "POST",
      "/api/auth/callback/credentials",
      form.toString(),
      "application/x-www-form-urlencoded",
    );
    const location = (response.json.url as string | undefined) ?? "";
    const error = new URL(location, this.baseUrl).searchParams.get("error");
    return error ?? (this.hasSession() ? null : "no session");
  }

  /**
   * Signs in through single sign-on at the test provider (tests/support/oidc-provider.ts) as
   * `login`, following every redirect as a browser would (one cookie jar, as a browser has for
   * 127.0.0.1 whatever the port). Returns where the app sent the browser last: "/" or "/login?error=…".
   */
  async ssoSignIn(login: string): Promise<string> {
    const csrf = await this.request<{ csrfToken: string }>("GET", "/api/auth/csrf");
    const form = new URLSearchParams({ csrfToken: csrf.json.csrfToken, callbackUrl: `${this.baseUrl}/`, json: "true" });
    const start = await this.raw("POST", "/api/auth/signin/oidc", form.toString(), "application/x-www-form-urlencoded");
    let url = new URL(String(start.json.url), this.baseUrl);
    for (let step = 0; step < 20; step++) {
      if (url.origin === this.baseUrl && !url.pathname.startsWith("/api/auth/")) return url.pathname + url.search;
      const loginPage = url.pathname.startsWith("/interaction/");
      const response = await fetch(url, {
        method: loginPage ? "POST" : "GET",
        redirect: "manual",
        headers: {
          cookie: this.cookieHeader(),
          ...(loginPage ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        },
        body: loginPage ? new URLSearchParams({ login }).toString() : undefined,
      });
      this.remember(response);
      const location = response.headers.get("location");
      if (!location)
        throw new Error(`single sign-on stopped at ${url.href} (${response.status}): ${await response.text()}`);
      url = new URL(location, url);
    }
    throw new Error("single sign-on went round in circles");
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }

  /** Sends this cookie from now on (e.g. a session token made by the test). */
  setCookie(name: string, value: string): this {
    this.cookies.set(name, value);
    return this;
  }

  get cookie(): string {
    return this.cookieHeader();
  }
}
