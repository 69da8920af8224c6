// Pages, actions and route handlers decide on D1's rows, not on what a cookie carried (lib/auth/server.ts).

interface Claim {
  token: string;
  user: { id: string };
}

interface Rows<S, U> {
  session: (S & { token: string; userId: string; expiresAt: Date }) | null;
  user: (U & { id: string }) | null;
}

/**
 * Whether the rows confirm the claim (better-auth's cookie cache or get-session): the session row of its token is
 * still there (not signed out, revoked, the user banned or deleted), unexpired, and the claimed user's. What
 * better-auth's own D1 read of a session decides, on rows read in the same call as the memberships.
 */
export function confirms<S, U>(
  claim: Claim,
  rows: Rows<S, U>,
  now: Date,
): rows is { session: NonNullable<Rows<S, U>["session"]>; user: NonNullable<Rows<S, U>["user"]> } {
  const { session, user } = rows;
  if (!session || !user) return false;
  if (session.token !== claim.token || session.userId !== claim.user.id || user.id !== claim.user.id) return false;
  return session.expiresAt.getTime() > now.getTime();
}
