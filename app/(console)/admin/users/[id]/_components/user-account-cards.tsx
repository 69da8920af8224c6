"use client";

import Link from "next/link";
import { ConfirmAction } from "@/components/confirm-action";
import { CopyButton } from "@/components/copy-button";
import { Time } from "@/components/time/time";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { UserDetail } from "@/db/queries/users";
import { resendVerificationAction } from "@/lib/actions/users/resend-verification";
import { resetTwoFactorAction } from "@/lib/actions/users/reset-two-factor";
import { unlockUserAction } from "@/lib/actions/users/unlock-user";
import { verifyUserEmailAction } from "@/lib/actions/users/verify-user-email";
import type { StaffFlags } from "@/lib/auth/flags";
import { RoleBadge } from "../../../_components/role-badge";
import { DeleteUserDialog } from "./delete-user-dialog";
import { RoleForm } from "./role-form";
import { SetPasswordDialog } from "./set-password-dialog";
import type { Viewer } from "./user-actions";

interface UserAccountCardsProps {
  user: UserDetail;
  viewer: Viewer;
  /** What the viewer may do to this user, as the endpoints decide (lib/auth/flags.ts). */
  can: StaffFlags;
  /** Until when failed sign-in attempts lock the account (null when they do not). */
  lockedUntil: Date | null;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** Profile, status, role, two-factor, organizations, linked accounts and the operator's dangerous controls. */
export function UserAccountCards({ user, viewer, can, lockedUntil }: UserAccountCardsProps) {
  // Their own sign-ins, not staff looking as them: the newest of their open sessions (of the most recently active
  // ones listed, USER_SESSIONS_SHOWN: a newer sign-in is almost always among them).
  const lastSignIn = user.sessions
    .filter((entry) => !entry.impersonatedBy)
    .reduce<Date | null>((latest, entry) => (!latest || entry.createdAt > latest ? entry.createdAt : latest), null);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Profile</CardTitle>
          <CardDescription>
            Created <Time value={user.createdAt} />
          </CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-2">
            <Row label="User ID">
              <span className="flex items-center gap-1">
                <code className="min-w-0 break-all text-xs">{user.id}</code>
                <CopyButton value={user.id} label="user ID" className="-my-1" />
              </span>
            </Row>
            <Row label="Email">
              <span className="flex items-center gap-1">
                <span className="min-w-0 break-all">{user.email}</span>
                <CopyButton value={user.email} label="email address" className="-my-1" />
              </span>
            </Row>
            <Row label="Last sign-in">
              {lastSignIn ? (
                <Time value={lastSignIn} />
              ) : (
                <span className="text-muted-foreground">No open session</span>
              )}
            </Row>
            <Row label="Email verified">
              {user.emailVerified ? (
                <Badge variant="outline">Verified</Badge>
              ) : (
                <Badge variant="secondary">Not verified</Badge>
              )}
            </Row>
            <Row label="Last updated">
              <Time value={user.updatedAt} />
            </Row>
            <Row label="Linked accounts">
              {user.accounts.length === 0 ? (
                <span className="text-muted-foreground">None (no way to sign in yet)</span>
              ) : (
                <ul className="grid gap-1">
                  {user.accounts.map((account) => (
                    <li key={account.id}>
                      {account.providerId === "credential" ? "Email and password" : account.providerId}
                      <span className="text-muted-foreground">
                        {" "}
                        since <Time value={account.createdAt} format="date" />
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Row>
          </dl>
        </CardContent>
        {viewer.operator && !user.emailVerified ? (
          <CardFooter className="flex flex-wrap gap-2">
            {can.updateEmail ? (
              <ConfirmAction
                title="Mark this email address as verified?"
                description="Only do this when you know the address belongs to them."
                confirmLabel="Mark verified"
                action={() => verifyUserEmailAction({ userId: user.id })}
              >
                Mark email verified
              </ConfirmAction>
            ) : null}
            <ConfirmAction
              title="Send a new verification link?"
              description={`A link is mailed to ${user.email}.`}
              confirmLabel="Send link"
              action={() => resendVerificationAction({ userId: user.id })}
            >
              Resend verification
            </ConfirmAction>
          </CardFooter>
        ) : null}
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Access</CardTitle>
          <CardDescription>Role, ban and two-factor authentication.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <dl className="grid gap-2">
            <Row label="Role">
              <RoleBadge role={user.role} />
            </Row>
            <Row label="Status">
              {user.banned ? (
                <span className="grid gap-1">
                  <span className="font-medium text-destructive">
                    Banned until {user.banExpires ? <Time value={user.banExpires} format="datetime" /> : "lifted"}
                  </span>
                  {user.banReason ? <span className="text-muted-foreground">Reason: {user.banReason}</span> : null}
                </span>
              ) : lockedUntil ? null : (
                "Active"
              )}
              {lockedUntil ? (
                <span className="font-medium text-destructive">
                  Locked until <Time value={lockedUntil} format="datetime" />
                </span>
              ) : null}
            </Row>
            <Row label="Two-factor">{user.twoFactorEnabled ? "On" : "Off"}</Row>
          </dl>
          {can.setRole ? <RoleForm userId={user.id} role={user.role} /> : null}
        </CardContent>
        {(can.resetTwoFactor && user.twoFactorEnabled) || (can.unlock && lockedUntil) ? (
          <CardFooter className="flex flex-wrap gap-2">
            {can.unlock && lockedUntil ? (
              <ConfirmAction
                title="Unlock this account?"
                description="Failed sign-in attempts locked it. Unlock once you have checked with them: they can sign in again at once."
                confirmLabel="Unlock"
                action={() => unlockUserAction({ userId: user.id })}
              >
                Unlock
              </ConfirmAction>
            ) : null}
            {can.resetTwoFactor && user.twoFactorEnabled ? (
              <ConfirmAction
                destructive
                title="Reset two-factor authentication?"
                description="Their authenticator, backup codes and passkeys stop working, every session of theirs ends, and they are told by email. Do this only after checking who asks."
                confirmLabel="Reset two-factor"
                action={() => resetTwoFactorAction({ userId: user.id })}
              >
                Reset two-factor
              </ConfirmAction>
            ) : null}
          </CardFooter>
        ) : null}
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Organizations</CardTitle>
          <CardDescription>Where they are a member, and their role there.</CardDescription>
        </CardHeader>
        <CardContent>
          {user.organizations.length === 0 ? (
            <p className="text-muted-foreground text-sm">
              Not a member of any organization. Organizations invite people from their Members page, or an owner adds
              them;{" "}
              <Link href="/admin/organizations" className="underline underline-offset-2">
                see all organizations
              </Link>
              .
            </p>
          ) : (
            <ul className="grid gap-2 text-sm">
              {user.organizations.map((org) => (
                <li key={org.id} className="flex items-center justify-between gap-2">
                  <Link href={`/admin/organizations/${org.id}`} className="font-medium hover:underline">
                    {org.name}
                  </Link>
                  <span className="flex items-center gap-2 text-muted-foreground">
                    <Badge variant="secondary">{org.role}</Badge> since <Time value={org.joinedAt} format="date" />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      {can.setPassword || can.remove ? (
        <Card className="border-destructive/40">
          <CardHeader>
            <CardTitle>Danger zone</CardTitle>
            <CardDescription>Recorded in the audit trail with your name.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-2">
            {can.setPassword ? <SetPasswordDialog userId={user.id} email={user.email} /> : null}
            {can.remove ? <DeleteUserDialog userId={user.id} email={user.email} /> : null}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
