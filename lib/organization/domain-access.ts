import "server-only";
import { getDomain } from "@/db/queries/domains";
import { type ActionFailure, refused } from "@/lib/actions/result";
import type { OrgAccess } from "@/lib/auth/guard";
import { orgActionAccess } from "@/lib/auth/org-action";

/** The organization (the caller manages its domains) and one of its domains, or the refusal an action returns. */
export async function domainForAction(
  slug: string,
  domainId: string,
): Promise<
  { ok: true; access: OrgAccess; domain: NonNullable<Awaited<ReturnType<typeof getDomain>>> } | ActionFailure
> {
  const found = await orgActionAccess(slug, "domains");
  if (!found.ok) return found;
  const domain = await getDomain(found.access.org.id, domainId);
  if (!domain)
    return refused("DOMAIN_NOT_FOUND", "This domain is no longer one of the organization's. Reload the page.");
  return { ok: true, access: found.access, domain };
}

/** Whether a write failed on the one-organization-per-verified-domain index. */
export function isDomainTakenError(error: unknown): boolean {
  const text = `${String(error)} ${String((error as { cause?: unknown })?.cause ?? "")}`;
  return /UNIQUE constraint failed: organization_domain\.domain/i.test(text);
}
