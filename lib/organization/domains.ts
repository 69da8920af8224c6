// Verified domains and join modes, as pure rules: what a domain name is, which ones no organization may claim
// (free-mail and disposable providers: data/free-mail-domains.json, with its source in data/README.md), what the
// DNS record says, and what each join mode needs. The actions (lib/actions/organization/*-domain*.ts) act on these.
import freeMailDomains from "@/data/free-mail-domains.json";

export { domainOfEmail, JOIN_MODES, type JoinMode, joinModeRefusal } from "./join-modes";

/** The TXT record that proves ownership: `gatehouse-verification=<token>` at the domain itself. */
export const VERIFICATION_RECORD_PREFIX = "gatehouse-verification=";
export const DOMAIN_CODE_TTL_MS = 30 * 60 * 1000;
export const DOMAIN_CODE_ATTEMPTS = 5;

let freeMail: Set<string> | undefined;

/** Whether a domain (or a domain it is under) is a free-mail or disposable provider. */
export function isFreeMailDomain(domain: string): boolean {
  freeMail ??= new Set(freeMailDomains as string[]);
  const labels = domain.split(".");
  for (let i = 0; i < labels.length - 1; i += 1) {
    if (freeMail.has(labels.slice(i).join("."))) return true;
  }
  return false;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A domain as typed ("@Acme.com", "https://acme.com/", "acme.com.") in its one stored form ("acme.com"), or null
 * when it is not a domain name of at least two labels with a letter-only (or punycode) last label.
 */
export function normalizeDomain(input: string): string | null {
  let value = input.trim().toLowerCase();
  value = value.replace(/^[a-z]+:\/\//, "").replace(/^@/, "");
  value = value.split(/[/?#]/)[0] ?? "";
  value = value.replace(/\.$/, "");
  if (value.length === 0 || value.length > 253) return null;
  const labels = value.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  const tld = labels.at(-1) ?? "";
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return null;
  return value;
}

/** Whether the TXT strings of a domain include its verification record. */
export function hasVerificationRecord(txt: readonly string[], token: string): boolean {
  return txt.some((value) => value.trim() === `${VERIFICATION_RECORD_PREFIX}${token}`);
}

/** A 6-digit code. */
export function newDomainCode(): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return String((n ?? 0) % 1_000_000).padStart(6, "0");
}

/** The stored form of a mailed code: a hash bound to its domain row, so the column alone reveals nothing usable. */
export async function hashDomainCode(domainId: string, code: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${domainId}:${code}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The token of a domain's TXT record. */
export function newVerificationToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
