// How <Time> writes a moment (components/time/). No imports and no "now" of its own: the server and the browser call
// the same functions with the same zone (the browser's, remembered in a cookie: lib/time-zone.ts), so they render
// the same text.

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withTime: boolean, withSeconds = false): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}|${withSeconds}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
      ...(withSeconds ? { second: "2-digit" } : {}),
      timeZone,
    });
    formats.set(key, format);
  }
  return format;
}

/** "14 May 2026, 09:30" in the zone (no zone name), or "14 May 2026" with `dateOnly`. */
export function formatInZone(date: Date, timeZone: string, dateOnly = false): string {
  return formatter(timeZone, !dateOnly).format(date);
}

/** The exact moment for the tooltip: "14 May 2026, 09:30:05 UTC" and, elsewhere, the same in the local zone. */
export function formatExact(date: Date, timeZone: string): { utc: string; local: string | null } {
  const utc = `${formatter("UTC", true, true).format(date)} UTC`;
  if (timeZone === "UTC") return { utc, local: null };
  return { utc, local: `${formatter(timeZone, true, true).format(date)} ${timeZone.replaceAll("_", " ")}` };
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "in 3 weeks". */
export function formatRelativeTo(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return seconds > 0 ? "in a moment" : "just now";
}
