// Date formatting that reads the same on the server and in the browser (always UTC: no hydration mismatch, and one
// unambiguous time for operators in different places).

const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "UTC",
});
const dateOnly = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "14 May 2026, 09:30 UTC". */
export function formatUtc(date: Date | string | number): string {
  return `${dateTime.format(new Date(date))} UTC`;
}

/** "14 May 2026". */
export function formatDay(date: Date | string | number): string {
  return dateOnly.format(new Date(date));
}

/** "59 min", "1 h 5 min", "30 s": a short remaining duration. */
export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}
