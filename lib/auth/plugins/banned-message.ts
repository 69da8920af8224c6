import { formatUtc } from "@/lib/dates";

/** What a banned user reads when signing in (the admin plugin's `bannedUserMessage`): until when, never why. */
export function bannedUserMessage(user: { banExpires?: Date | string | number | null }): string {
  const expires = user.banExpires ? new Date(user.banExpires) : null;
  if (expires && !Number.isNaN(expires.getTime())) {
    return `This account is suspended until ${formatUtc(expires)}. Contact your administrator if you think this is a mistake.`;
  }
  return "This account has been suspended. Contact your administrator if you think this is a mistake.";
}
