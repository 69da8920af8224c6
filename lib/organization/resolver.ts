import "server-only";
import { getEnv } from "@/db";
import { DEFAULT_DOH_URL, dohResolver, type TxtResolver } from "./dns";

/** The DNS resolver of this deployment: DNS_RESOLVER_URL (a local one in tests), else Cloudflare's. */
export async function getTxtResolver(): Promise<TxtResolver> {
  const url = (await getEnv()).DNS_RESOLVER_URL?.trim();
  return dohResolver(url || DEFAULT_DOH_URL);
}
