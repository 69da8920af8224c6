import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { member, organization } from "@/db/schema";

export interface MyOrganization {
  id: string;
  name: string;
  slug: string;
  logo: string | null;
  role: string;
}

/** The organizations a user belongs to, with their role in each, by name. */
export async function listMyOrganizations(userId: string): Promise<MyOrganization[]> {
  const db = await getDb();
  return db
    .select({
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      logo: organization.logo,
      role: member.role,
    })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(eq(member.userId, userId))
    .orderBy(asc(organization.name));
}
