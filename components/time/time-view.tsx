import { formatInZone, formatRelativeTo } from "@/lib/time-format";
import { cn } from "@/lib/utils";

export interface TimeProps {
  value: Date | string | number;
  /** "relative" (default): "5 minutes ago"; "date": "14 May 2026"; "datetime": "14 May 2026, 09:30", local. */
  format?: "relative" | "date" | "datetime";
  className?: string;
}

/** The words of a time in `format`, in `timeZone`, as of `now`. */
export function timeText(date: Date, format: TimeProps["format"], timeZone: string, now: number): string {
  return format === "date" || format === "datetime"
    ? formatInZone(date, timeZone, format === "date")
    : formatRelativeTo(date, now);
}

export interface TimeViewProps {
  date: Date;
  /** What the page reads: "5 minutes ago", "14 May 2026". */
  text: string;
  exact: { utc: string; local: string | null };
  /** The tooltip's id (aria-describedby). */
  id: string;
  className?: string;
}

/**
 * The markup of every time (`<Time>` in client components, `<ServerTime>` in server ones): the text, and the exact
 * UTC and local time in a CSS tooltip shown by :hover and :focus-visible, taking no room while hidden.
 */
export function TimeView({ date, text, exact, id, className }: TimeViewProps) {
  return (
    <span className={cn("group/time relative inline-block", className)}>
      <time
        dateTime={date.toISOString()}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users reach the exact time the way a pointer does
        tabIndex={0}
        aria-describedby={id}
        className="ui-time-text" // its classes and the tooltip's are in app/globals.css: tables render one per row
        // "5 minutes ago" may turn into "6 minutes ago" between the server's render and the browser's.
        suppressHydrationWarning
      >
        {text}
      </time>
      <span id={id} role="tooltip" className="ui-time-tip">
        <span className="block">{exact.utc}</span>
        {exact.local ? <span className="block">{exact.local}</span> : null}
      </span>
    </span>
  );
}
