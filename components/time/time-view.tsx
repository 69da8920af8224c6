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
        className="cursor-default whitespace-nowrap underline decoration-muted-foreground/50 decoration-dotted underline-offset-2 outline-none focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-ring"
        // "5 minutes ago" may turn into "6 minutes ago" between the server's render and the browser's.
        suppressHydrationWarning
      >
        {text}
      </time>
      <span
        id={id}
        role="tooltip"
        className="absolute bottom-full left-0 z-50 mb-1 hidden w-max max-w-[80vw] rounded-md bg-foreground px-2 py-1 text-left font-normal text-background text-xs shadow-md group-hover/time:block group-has-[time:focus-visible]/time:block"
      >
        <span className="block">{exact.utc}</span>
        {exact.local ? <span className="block">{exact.local}</span> : null}
      </span>
    </span>
  );
}
