import type { Metadata } from "next";
import { cookies } from "next/headers";
import { TwoFactorRequiredCard } from "@/components/org/two-factor-required-card";
import { PageHeader } from "@/components/shell/page-header";
import { securityOverviewRead } from "@/db/queries/account-security";
import { trustedDeviceIdentifierOf } from "@/db/queries/trusted-devices";
import { listMyTwoFactorRequirements, requireSession } from "@/lib/auth/guard";
import { TRUST_DEVICE_COOKIE } from "@/lib/auth/plugins/trusted-devices";
import { readWithSession } from "@/lib/auth/server";
import { formatInZone } from "@/lib/time-format";
import { TIME_ZONE_COOKIE, validTimeZone } from "@/lib/time-zone";
import { ImpersonationHistoryCard } from "./_components/impersonation-history-card";
import { PasskeysCard } from "./_components/passkeys-card";
import { PasswordCard } from "./_components/password-card";
import { TrustedDevicesCard } from "./_components/trusted-devices-card";
import { TwoFactorCard } from "./_components/two-factor-card-lazy";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const { user } = await requireSession();
  const [{ status, passkeys, devices, impersonations }, cookieStore, requirements] = await Promise.all([
    readWithSession(securityOverviewRead(user.id)), // the four cards, in the session check's D1 call
    cookies(),
    listMyTwoFactorRequirements(),
  ]);
  // Organizations whose requirement this session does not meet (the guard sends members here, ?required=<slug>).
  const requiring = requirements.map(({ organization, standing }) => ({
    id: organization.id,
    name: organization.name,
    deadline: standing.deadline.toISOString(),
    deadlineText: formatInZone(standing.deadline, validTimeZone(cookieStore.get(TIME_ZONE_COOKIE)?.value)),
    blocked: standing.state === "blocked",
  }));
  const trustCookie = cookieStore.getAll().find((c) => c.name.endsWith(`.${TRUST_DEVICE_COOKIE}`));
  return (
    <>
      <PageHeader
        title="Security"
        description="Your password, passkeys, two-factor authentication, trusted devices and who has signed in as you."
      />
      <div className="grid max-w-2xl gap-6">
        {requiring.length > 0 ? (
          <TwoFactorRequiredCard organizations={requiring} hasSecondFactor={!!user.twoFactorEnabled} />
        ) : null}
        <PasswordCard />
        <PasskeysCard passkeys={passkeys} now={new Date()} />
        <TwoFactorCard enabled={!!user.twoFactorEnabled} totp={status.totp} />
        <TrustedDevicesCard
          devices={devices}
          currentIdentifier={trustedDeviceIdentifierOf(trustCookie?.value)}
          twoFactorEnabled={!!user.twoFactorEnabled}
        />
        <ImpersonationHistoryCard impersonations={impersonations} now={new Date()} />
      </div>
    </>
  );
}
