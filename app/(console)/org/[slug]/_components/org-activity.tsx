import { ActivitySection, type SectionSeries } from "@/components/activity/activity-section";
import { type ActivityRange, organizationActivity } from "@/db/queries/activity";

const c = (n: number) => `var(--chart-${n})`;

const MEMBERS: SectionSeries[] = [
  { key: "joined", label: "Joined", color: c(2), counters: ["member.added"] },
  { key: "left", label: "Left or removed", color: c(5), counters: ["member.removed"] },
];
const SIGN_INS: SectionSeries[] = [
  { key: "password", label: "Password", color: c(1), counters: ["sign_in.password"] },
  { key: "passkey", label: "Passkey", color: c(2), counters: ["sign_in.passkey"] },
  { key: "social", label: "Social", color: c(3), counters: ["sign_in.social", "sign_in.other"] },
];
const ACTIVE: SectionSeries[] = [{ key: "active", label: "Daily active members", color: c(2), counters: ["active"] }];
const INVITATIONS: SectionSeries[] = [
  { key: "sent", label: "Sent", color: c(1), counters: ["invitation.sent"] },
  { key: "accepted", label: "Accepted", color: c(2), counters: ["invitation.accepted"] },
];
const SECURITY: SectionSeries[] = [
  { key: "roles", label: "Role changes", color: c(3), counters: ["role.changed"] },
  { key: "denied", label: "Refused requests", color: c(4), counters: ["denied"] },
];

interface OrgActivityProps {
  organizationId: string;
  slug: string;
  members: number;
  range: ActivityRange;
}

/**
 * An organization's activity on /org/<slug> (owners and admins): only what its members did in it — a sign-in counts
 * here when this organization was active in the session it made.
 */
export async function OrgActivity({ organizationId, slug, members, range }: OrgActivityProps) {
  const activity = await organizationActivity(organizationId, range);
  const audit = (actions: string[]) => `/org/${slug}/audit?action=${actions.map(encodeURIComponent).join(",")}`;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ActivitySection
        title="Members"
        days={activity.days}
        series={MEMBERS}
        figures={[{ label: "Members now", value: members }]}
        link={{ href: `/org/${slug}/members`, label: "All members" }}
      />
      <ActivitySection
        title="Sign-ins of members"
        description="Sign-ins that started in this organization"
        days={activity.days}
        series={SIGN_INS}
        figures={[
          { label: "Weekly active", value: activity.weeklyActive },
          { label: "Monthly active", value: activity.monthlyActive },
        ]}
      />
      <ActivitySection title="Active members" days={activity.days} series={ACTIVE} />
      <ActivitySection
        title="Invitations"
        days={activity.days}
        series={INVITATIONS}
        link={{ href: audit(["invitation.create", "invitation.accept"]), label: "Invitations in the audit log" }}
      />
      <ActivitySection
        title="Security events"
        days={activity.days}
        series={SECURITY}
        link={{ href: audit(["member.role.update"]), label: "Role changes in the audit log" }}
      />
    </div>
  );
}
