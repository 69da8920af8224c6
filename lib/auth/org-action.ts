import "server-only";
// The organization an action of ours is about, decided like its pages: a non-member (or a member without the area's
// permissions) is told it does not exist, and a member whose session does not meet the organization's two-factor
// requirement after their grace period is refused with ORGANIZATION_REQUIRES_TWO_FACTOR, as better-auth's endpoints
// refuse it (plugins/organization-two-factor.ts).
import { type ActionFailure, refused } from "@/lib/actions/result";
import { ORGANIZATION_REQUIRES_TWO_FACTOR, requiresTwoFactorMessage } from "@/lib/organization/two-factor-policy";
import { getOrgAccess, type OrgAccess } from "./guard";
import type { OrgArea } from "./permissions";

export const NOT_A_MEMBER = "This organization does not exist or you are not a member.";

/** The caller's access to the organization with this slug, or the refusal an action returns. */
export async function orgActionAccess(
  slug: string,
  area?: OrgArea,
): Promise<{ ok: true; access: OrgAccess } | ActionFailure> {
  const access = await getOrgAccess(slug);
  if (!access) return refused("NOT_FOUND", NOT_A_MEMBER);
  if (access.twoFactor.state === "blocked") {
    return refused(
      ORGANIZATION_REQUIRES_TWO_FACTOR,
      requiresTwoFactorMessage(access.org.name, access.twoFactor.deadline),
    );
  }
  if (area && !access.can[area]) return refused("FORBIDDEN", "Your role in this organization does not allow this.");
  return { ok: true, access };
}
