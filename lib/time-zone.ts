// The browser's time zone as the server learns it (a cookie set by components/time/time-zone.tsx). Apart from
// lib/time-format.ts so the root layout's provider does not carry the formatters to pages that show no time.

/** The cookie that tells the server the browser's IANA time zone. */
export const TIME_ZONE_COOKIE = "gatehouse.tz";

/** A zone Intl knows, else UTC: a cookie can say anything. */
export function validTimeZone(value: string | null | undefined): string {
  if (!value || value.length > 64) return "UTC";
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return value;
  } catch {
    return "UTC";
  }
}
