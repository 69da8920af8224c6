// DNS TXT lookups over DNS-over-HTTPS (the JSON API that Cloudflare's and Google's resolvers answer), behind one
// injectable resolver: production asks Cloudflare's (https://cloudflare-dns.com/dns-query), tests start a local one
// (scripts/doh-resolver.ts) and point DNS_RESOLVER_URL at it. Workers have no other way to resolve DNS.

export const DEFAULT_DOH_URL = "https://cloudflare-dns.com/dns-query";
const TXT = 16;

export interface TxtResolver {
  /** The TXT strings of `name` (each record's character-strings joined); [] when there are none. */
  txt(name: string): Promise<string[]>;
}

export class DnsLookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DnsLookupError";
  }
}

interface DohAnswer {
  Status?: number;
  Answer?: Array<{ type?: number; data?: string }>;
}

/** A record's data as DoH JSON gives it ("\"part one\" \"part two\""): its strings, unquoted and joined. */
export function txtValue(data: string): string {
  const parts = [...data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? "").replace(/\\(.)/g, "$1"));
  return parts.length > 0 ? parts.join("") : data;
}

/** A resolver that asks a DNS-over-HTTPS endpoint (JSON API), with a 5-second limit. */
export function dohResolver(url: string = DEFAULT_DOH_URL, fetchImpl: typeof fetch = fetch): TxtResolver {
  return {
    async txt(name) {
      const query = new URL(url);
      query.searchParams.set("name", name);
      query.searchParams.set("type", "TXT");
      let response: Response;
      try {
        response = await fetchImpl(query, {
          headers: { accept: "application/dns-json" },
          signal: AbortSignal.timeout(5000),
        });
      } catch (error) {
        throw new DnsLookupError(`The DNS resolver could not be reached (${(error as Error).message}).`);
      }
      if (!response.ok) throw new DnsLookupError(`The DNS resolver answered ${response.status}.`);
      const body = (await response.json()) as DohAnswer;
      // 3 is NXDOMAIN: no such name, so no records. Anything else but 0 is the resolver failing.
      if (body.Status === 3) return [];
      if (body.Status !== 0) throw new DnsLookupError(`The DNS lookup failed (status ${body.Status}).`);
      return (body.Answer ?? [])
        .filter((a) => a.type === TXT && typeof a.data === "string")
        .map((a) => txtValue(a.data as string));
    },
  };
}
