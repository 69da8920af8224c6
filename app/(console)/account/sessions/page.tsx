import type { Metadata } from "next";
import { ConfirmActionButton } from "@/components/account/confirm-action-button";
import { PageHeader } from "@/components/shell/page-header";
import { listMySessions } from "@/db/queries/sessions";
import { revokeOtherSessionsAction } from "@/lib/actions/account/revoke-other-sessions";
import { requireSession } from "@/lib/auth/guard";
import { formatDateTime, formatRelative } from "@/lib/format";
import { SessionsTable } from "./_components/sessions-table";
import type { SessionRow } from "./_components/sessions-table-columns";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const { user, session } = await requireSession();
  const sessions = await listMySessions(user.id);
  const rows: SessionRow[] = sessions.map((s) => ({
    id: s.id,
    device: s.device.label,
    kind: s.device.kind,
    ip: s.ip,
    signedIn: formatDateTime(s.createdAt),
    signedInIso: s.createdAt.toISOString(),
    lastActive: formatRelative(s.lastActiveAt),
    lastActiveIso: s.lastActiveAt.toISOString(),
    current: s.id === session.id,
    impersonated: s.impersonated,
  }));
  const others = rows.filter((row) => !row.current).length;
  return (
    <>
      <PageHeader
        title="Sessions"
        description="Where your account is signed in. Sign out any session you do not recognise."
        actions={
          others > 0 ? (
            <ConfirmActionButton
              title="Sign out every other session?"
              description={`${others} other ${others === 1 ? "session" : "sessions"} will be signed out. This one stays signed in.`}
              confirmLabel="Sign out others"
              pendingLabel="Signing out…"
              action={revokeOtherSessionsAction}
              size="default"
            >
              Sign out all other sessions
            </ConfirmActionButton>
          ) : null
        }
      />
      <SessionsTable rows={rows} />
    </>
  );
}
