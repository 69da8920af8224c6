// An endpoint that has failed for a day is turned off (once: the update is conditional), with an audit row, and the
// people who manage it are mailed: an organization's owners, or the operator who created a platform endpoint (every
// operator when that one is gone). A mail that cannot be sent is logged; the endpoint stays off either way.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { holdsOwner, holdsRole } from "@/db/queries/role-lists";
import { auditEvent, member, organization, user, webhookEndpoint } from "@/db/schema";
import { auditInsert } from "@/lib/audit";
import { sendWebhookDisabledMail } from "@/lib/email/messages";
import type { MailSettings } from "@/lib/email/send";

export interface DisableSettings extends MailSettings {
  BETTER_AUTH_URL: string;
}

/** Where an endpoint is managed in the console. */
export function endpointPagePath(endpoint: { id: string; organizationSlug?: string | null }) {
  return endpoint.organizationSlug
    ? `/org/${endpoint.organizationSlug}/webhooks/${endpoint.id}`
    : `/admin/webhooks/${endpoint.id}`;
}

async function managersOf(db: Database, endpoint: { organizationId: string | null; createdBy: string | null }) {
  const columns = { email: user.email, name: user.name };
  if (endpoint.organizationId) {
    return db
      .select(columns)
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(and(eq(member.organizationId, endpoint.organizationId), holdsOwner(sql`${member.role}`)));
  }
  if (endpoint.createdBy) {
    const creator = await db.select(columns).from(user).where(eq(user.id, endpoint.createdBy));
    if (creator.length > 0) return creator;
  }
  return db.select(columns).from(user).where(holdsRole(user.role, "admin"));
}

/** Disables an endpoint that has failed since `failingSince` and mails its managers; false when it was already off. */
export async function disableFailingEndpoint(db: Database, settings: DisableSettings, endpointId: string, now: Date) {
  const auditId = crypto.randomUUID();
  const [changed] = await db.batch([
    db
      .update(webhookEndpoint)
      .set({ enabled: false, disabledReason: "failing", updatedAt: now })
      .where(and(eq(webhookEndpoint.id, endpointId), eq(webhookEndpoint.enabled, true)))
      .returning(),
    auditInsert(db, {
      id: auditId,
      action: "webhook.endpoint.disable",
      metadata: { endpointId, reason: "failing" },
      at: now,
    }),
    // Already off (disabled a moment ago by someone else): no second row.
    db
      .delete(auditEvent)
      .where(
        and(
          eq(auditEvent.id, auditId),
          sql`not exists (select 1 from ${webhookEndpoint} where ${webhookEndpoint.id} = ${endpointId} and ${webhookEndpoint.updatedAt} = ${now.getTime()} and ${webhookEndpoint.disabledReason} = 'failing')`,
        ),
      ),
  ]);
  const endpoint = changed[0];
  if (!endpoint) return false;
  const slug = endpoint.organizationId
    ? ((
        await db
          .select({ slug: organization.slug })
          .from(organization)
          .where(eq(organization.id, endpoint.organizationId))
      )[0]?.slug ?? null)
    : null;
  const manageUrl = `${settings.BETTER_AUTH_URL.replace(/\/+$/, "")}${endpointPagePath({ id: endpoint.id, organizationSlug: slug })}`;
  for (const person of await managersOf(db, endpoint)) {
    try {
      await sendWebhookDisabledMail(settings, {
        to: person.email,
        name: person.name,
        url: endpoint.url,
        manageUrl,
        failingSince: endpoint.failingSince ?? now,
      });
    } catch (error) {
      console.error("webhook-disabled notice could not be sent:", error instanceof Error ? error.message : error);
    }
  }
  return true;
}
