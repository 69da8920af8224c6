// Cookies as a browser keeps them, for the unit tests (test/http.ts re-exports these) and the e2e SDK client
// (e2e/sdk-client.ts) alike: no test runner is imported here.

export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names in lower case (`httponly`, `samesite`, `max-age` …) and their values ("" for flags). */
  attributes: Map<string, string>;
}

/** The Set-Cookie headers of one response, parsed (a header without a `name=` is passed over). */
export function parseSetCookies(headers: Headers): SetCookie[] {
  return headers.getSetCookie().flatMap((line) => {
    const [pair = "", ...rest] = line.split(";");
    const index = pair.indexOf("=");
    if (index < 1) return [];
    const attributes = new Map(
      rest.map((attribute) => {
        const [key = "", ...value] = attribute.trim().split("=");
        return [key.toLowerCase(), value.join("=")] as const;
      }),
    );
    return [{ name: pair.slice(0, index).trim(), value: pair.slice(index + 1).trim(), attributes }];
  });
}

/** The Cookie header a browser would send after the Set-Cookie headers of one response. */
export function cookieFrom(headers: Headers) {
  return parseSetCookies(headers)
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
}

export type CookieJar = ReturnType<typeof cookieJar>;

/** A cookie jar: the Cookie header a browser would send after the Set-Cookie headers it has seen. */
export function cookieJar(initial = "") {
  const cookies = new Map<string, string>();
  for (const part of initial.split(/;\s*/).filter(Boolean)) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index), part.slice(index + 1));
  }
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  return {
    /** Keeps the cookies a response sets; an empty value or `Max-Age=0` removes one. */
    take(headers: Headers | null | undefined) {
      if (!headers) return;
      for (const { name, value, attributes } of parseSetCookies(headers)) {
        if (!value || attributes.get("max-age") === "0") cookies.delete(name);
        else cookies.set(name, value);
      }
    },
    /** Whether a cookie whose name contains `fragment` is held. */
    has: (fragment: string) => [...cookies.keys()].some((name) => name.includes(fragment)),
    /** The Cookie header ("" when the jar is empty). */
    header,
    /** Request headers carrying the Cookie header, plus `extra`. */
    headers(extra: Record<string, string> = {}) {
      return new Headers({ cookie: header(), ...extra });
    },
    /** A copy of the cookies held now (to replay them later). */
    entries: () => new Map(cookies),
    /** Replaces every cookie held, e.g. with ones saved before signing out. */
    replace(saved: Map<string, string>) {
      cookies.clear();
      for (const [k, v] of saved) cookies.set(k, v);
    },
  };
}
