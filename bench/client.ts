// The bench's HTTP side: a browser's cookie jar, distinct client addresses (so better-auth's per-IP rate limits never
// trip), and the instruments the worker exposes in bench mode (/api/bench).

let ipCounter = 0;
/** A fresh client address per request (cf-connecting-ip), from the benchmarking range 198.18.0.0/15. */
export function nextIp(): string {
  ipCounter += 1;
  return `198.18.${Math.floor(ipCounter / 250) % 250}.${ipCounter % 250}`;
}

/** One browser's cookies: sent with each request and updated from each response, as a browser would. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  update(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** What Chromium sends when it loads a page. */
const PAGE_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8";

export type BenchRequest = (i: number) => Promise<Response>;

export function client(base: string) {
  const get =
    (path: string | ((i: number) => string), jar?: CookieJar | string): BenchRequest =>
    async (i) => {
      const cookie = typeof jar === "string" ? jar : (jar?.header() ?? "");
      const url = `${base}${typeof path === "string" ? path : path(i)}`;
      const headers: Record<string, string> = { cookie, "cf-connecting-ip": nextIp() };
      // A page is loaded as a browser loads it (pages render for Accept: text/html, not for Next's client router).
      if (!new URL(url).pathname.startsWith("/api/")) headers.accept = PAGE_ACCEPT;
      const response = await fetch(url, { headers, redirect: "manual" });
      if (jar instanceof CookieJar) jar.update(response);
      return response;
    };

  const signInWith =
    (email: string, password: string, jar = new CookieJar()): BenchRequest =>
    async () => {
      const response = await fetch(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base, "cf-connecting-ip": nextIp() },
        body: JSON.stringify({ email, password }),
      });
      if (response.ok) jar.update(response);
      return response;
    };

  interface D1Counts {
    statements: number;
    /** Round trips to D1: a `db.batch` of several statements is one. */
    calls: number;
    rows_read: number;
    rows_written: number;
  }
  /**
   * What one request did on D1: the statements it prepared and, when `rows`, the rows D1 reports it read and
   * wrote (the worker then runs each read twice to get D1's meta, so this pass is never timed).
   */
  async function d1Counts(request: () => Promise<unknown>, rows: boolean): Promise<D1Counts> {
    await fetch(`${base}/api/bench?op=d1${rows ? "&rows=1" : ""}`);
    await request();
    return (await (await fetch(`${base}/api/bench?op=d1`)).json()) as D1Counts;
  }

  return { get, signInWith, d1Counts };
}
