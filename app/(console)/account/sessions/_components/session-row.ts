// No "use client": the page maps query results to rows on the server (dates as ISO strings, <Time> words them).
import type { MySession } from "@/db/queries/sessions";

/** One session as the page hands it to the table. */
export interface SessionRow {
  id: string;
  device: string;
  kind: "desktop" | "mobile" | "tablet";
  ip: string | null;
  signedInIso: string;
  lastActiveIso: string;
  current: boolean;
  impersonated: boolean;
}

/** A page of sessions, as the table reads it from the page's promise. */
export interface SessionsPage {
  rows: SessionRow[];
  /** -1 (unknown) once the count stopped. */
  pageCount: number;
  rowCount: number;
  /** The count stopped at `rowCount` (db/queries/sessions.ts `MY_SESSIONS_COUNT_CAP`): there are more. */
  capped: boolean;
}

/** The table row of a session; `currentId` is the session making the request. */
export function toSessionRow(session: MySession, currentId: string): SessionRow {
  return {
    id: session.id,
    device: session.device.label,
    kind: session.device.kind,
    ip: session.ip,
    signedInIso: session.createdAt.toISOString(),
    lastActiveIso: session.lastActiveAt.toISOString(),
    current: session.id === currentId,
    impersonated: session.impersonated,
  };
}
