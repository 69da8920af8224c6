// Pages, actions and route handlers decide on D1's rows, not on what a cookie carried (lib/auth/server.ts).

interface Claim {
  session: { token: string; userId: string };
  user: { id: string };
}

interface Rows<S, U> {
  session: (S & { token: string; userId: string; expiresAt: Date }) | null;
  user: (U & { id: string }) | null;
}

/** Each field of `claimed` as `fresh` has it (the claim's shape, better-auth's output, with the row's values). */
function withValuesOf<T extends object>(claimed: T, fresh: object): T {
  const values = fresh as Record<string, unknown>;
  const out = { ...claimed } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (key in values) out[key] = values[key];
  return out as T;
}

/**
 * The claimed session (better-auth's get-session, possibly from its cookie cache) as D1 has it now, or null when its
 * row is gone (signed out, revoked, the user banned or deleted), expired, or not the claimed user's: what better-auth's
 * own D1 read of a session decides, on rows read in the same call as the memberships.
 */
export function confirmSession<T extends Claim, S, U>(claimed: T, rows: Rows<S, U>, now: Date): T | null {
  const { session, user } = rows;
  if (!session || !user) return null;
  if (session.token !== claimed.session.token || session.userId !== claimed.user.id || user.id !== claimed.user.id) {
    return null;
  }
  if (session.expiresAt.getTime() <= now.getTime()) return null;
  return { ...claimed, session: withValuesOf(claimed.session, session), user: withValuesOf(claimed.user, user) };
}
