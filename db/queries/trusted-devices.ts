import "server-only";
import { and, desc, eq, gt, like, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database } from "@/db/database";
import { verification } from "@/db/schema";
import {
  parseTrustedDeviceLabel,
  TRUST_DEVICE_LABEL_PREFIX,
  TRUST_DEVICE_PREFIX,
} from "@/lib/auth/trusted-device-labels";
import { type DeviceDescription, describeUserAgent } from "@/lib/user-agent";

export interface TrustedDevice {
  id: string;
  /** better-auth's `trust-device-*` identifier, which this browser's trust cookie names. */
  identifier: string;
  device: DeviceDescription;
  ip: string | null;
  /** When the device was last trusted: better-auth renews the trust at each sign-in from it. */
  trustedAt: Date;
  expiresAt: Date;
}

const label = alias(verification, "label");

/** The user's unexpired trusted devices (better-auth's `trust-device-*` verification rows), newest first. */

export function trustedDevicesQuery(db: Database, userId: string, now = new Date()) {
  return db
    .select({
      id: verification.id,
      identifier: verification.identifier,
      createdAt: verification.createdAt,
      expiresAt: verification.expiresAt,
      label: label.value,
    })
    .from(verification)
    .leftJoin(label, eq(label.identifier, sql`${TRUST_DEVICE_LABEL_PREFIX} || ${verification.identifier}`))
    .where(
      and(
        like(verification.identifier, `${TRUST_DEVICE_PREFIX}%`),
        eq(verification.value, userId),
        gt(verification.expiresAt, now),
      ),
    )
    .orderBy(desc(verification.createdAt));
}

export function toTrustedDevices(rows: Awaited<ReturnType<typeof trustedDevicesQuery>>): TrustedDevice[] {
  return rows.map((row) => {
    const { userAgent, ip } = parseTrustedDeviceLabel(row.label);
    return {
      id: row.id,
      identifier: row.identifier,
      device: describeUserAgent(userAgent),
      ip,
      trustedAt: row.createdAt,
      expiresAt: row.expiresAt,
    };
  });
}

/** The trusted-device identifier named by this browser's (signed) trust cookie value, if any. */
export function trustedDeviceIdentifierOf(cookieValue: string | undefined): string | null {
  if (!cookieValue) return null;
  const match = /!(trust-device-[A-Za-z0-9_-]+)/.exec(decodeURIComponent(cookieValue));
  return match?.[1] ?? null;
}
