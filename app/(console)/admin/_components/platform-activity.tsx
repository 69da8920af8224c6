import { ActivitySection, type SectionSeries } from "@/components/activity/activity-section";
import { type ActivityRange, platformActivity } from "@/db/queries/activity";
import { SIGN_IN_COUNTERS } from "@/lib/activity";

const c = (n: number) => `var(--chart-${n})`;

const SIGN_UPS: SectionSeries[] = [{ key: "signUps", label: "Sign-ups", color: c(1), counters: ["sign_up"] }];
const SIGN_INS: SectionSeries[] = [
  { key: "password", label: "Password", color: c(1), counters: ["sign_in.password"] },
  { key: "passkey", label: "Passkey", color: c(2), counters: ["sign_in.passkey"] },
  { key: "social", label: "Social", color: c(3), counters: ["sign_in.social", "sign_in.other"] },
  { key: "failed", label: "Failed", color: c(5), counters: ["sign_in.failed"] },
];
const ACTIVE: SectionSeries[] = [{ key: "active", label: "Daily active users", color: c(2), counters: ["active"] }];
const ORGANIZATIONS: SectionSeries[] = [
  { key: "orgs", label: "New organizations", color: c(4), counters: ["organization.created"] },
];
const SECURITY: SectionSeries[] = [
  { key: "lockouts", label: "Lockouts", color: c(5), counters: ["lockout"] },
  { key: "bans", label: "Bans", color: c(1), counters: ["ban"] },
  { key: "impersonations", label: "Impersonations", color: c(3), counters: ["impersonation"] },
  { key: "denied", label: "Refused requests", color: c(4), counters: ["denied"] },
];

const audit = (actions: string[], range: ActivityRange) =>
  `/admin/audit?action=${actions.map(encodeURIComponent).join(",")}&period=${range}d`;

/** The platform's activity on /admin: sign-ups, sign-ins, active users, organizations, security events. */
export async function PlatformActivity({ range }: { range: ActivityRange }) {
  const activity = await platformActivity(range);
  const signIns = SIGN_IN_COUNTERS.reduce((n, k) => n + (activity.totals[k] ?? 0), 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ActivitySection
        title="Sign-ups"
        days={activity.days}
        series={SIGN_UPS}
        link={{ href: "/admin/users?sort=createdAt.desc", label: "Newest users" }}
      />
      <ActivitySection
        title="Sign-ins"
        description={`${signIns.toLocaleString("en-US")} succeeded`}
        days={activity.days}
        series={SIGN_INS}
        link={{ href: audit(["user.sign_in"], range), label: "Sign-ins in the audit log" }}
      />
      <ActivitySection
        title="Active users"
        description="People who signed in, each counted once a day"
        days={activity.days}
        series={ACTIVE}
        figures={[
          { label: "Weekly active", value: activity.weeklyActive },
          { label: "Monthly active", value: activity.monthlyActive },
        ]}
        link={{ href: "/admin/users", label: "All users" }}
      />
      <ActivitySection
        title="New organizations"
        days={activity.days}
        series={ORGANIZATIONS}
        link={{ href: "/admin/organizations", label: "All organizations" }}
      />
      <ActivitySection
        title="Security events"
        days={activity.days}
        series={SECURITY}
        link={{
          href: audit(["user.ban", "impersonation.start"], range),
          label: "Bans and impersonations in the audit log",
        }}
      />
      {activity.countingBegan ? (
        <p className="text-muted-foreground text-sm lg:col-span-2">
          Failed sign-ins and lockouts are counted since {activity.countingBegan} (UTC); earlier days were filled in
          from account creation times and the audit trail where they record the event.
        </p>
      ) : null}
    </div>
  );
}
