import { ShieldCheck } from "lucide-react";
import { ConfirmAction } from "@/components/confirm-action";
import { RoleBadges } from "@/components/org/role-badges";
import { Time } from "@/components/time/time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { NonCompliantMember } from "@/db/queries/organization-policy";
import { remindTwoFactorAction } from "@/lib/actions/organization/remind-two-factor";

interface ComplianceCardProps {
  slug: string;
  members: NonCompliantMember[];
  now: Date;
}

/** A time as every page shows one (components/time): relative, exact UTC and local time on hover and focus. */
function When({ date }: { date: Date; now?: Date }) {
  return <Time value={date} />;
}

/** The members whose account has no allowed second factor, since when, their deadline, and a reminder by mail. */
export function ComplianceCard({ slug, members, now }: ComplianceCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Members without two-factor</h2>
        </CardTitle>
        <CardDescription>
          Their accounts have no second factor this policy accepts. After their deadline they can only leave the
          organization until they set one up.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {members.length === 0 ? (
          <div className="rounded-lg border border-dashed p-6 text-center text-muted-foreground text-sm">
            <ShieldCheck className="mx-auto mb-2 size-6" aria-hidden />
            Every member has a second factor set up.
          </div>
        ) : (
          <ul aria-label="Members without two-factor" className="divide-y">
            {members.map((m) => {
              const overdue = m.deadline.getTime() <= now.getTime();
              return (
                <li key={m.memberId} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="grid gap-0.5">
                    <p className="flex flex-wrap items-center gap-2 font-medium text-sm">
                      {m.name} <RoleBadges role={m.role} />
                    </p>
                    <p className="text-muted-foreground text-xs">
                      {m.email} · without since <When date={m.since} now={now} /> ·{" "}
                      {overdue ? "locked out since " : "deadline "}
                      <When date={m.deadline} now={now} />
                    </p>
                  </div>
                  <ConfirmAction
                    triggerLabel={`Remind ${m.name}`}
                    title={`Remind ${m.name}?`}
                    description={`We will email ${m.email} that this organization requires two-factor authentication, with their deadline.`}
                    confirmLabel="Send reminder"
                    pendingLabel="Sending…"
                    action={remindTwoFactorAction.bind(null, { slug, memberId: m.memberId })}
                  >
                    Remind
                  </ConfirmAction>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
