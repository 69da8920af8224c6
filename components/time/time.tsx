"use client";

import { useId } from "react";
import { formatExact, formatInZone, formatRelativeTo } from "@/lib/time-format";
import { cn } from "@/lib/utils";
import { useTimeZone } from "./time-zone";

export interface TimeProps {
  value: Date | string | number;
  /** "relative" (default): "5 minutes ago"; "date": "14 May 2026"; "datetime": "14 May 2026, 09:30", local. */
  format?: "relative" | "date" | "datetime";
  className?: string;
}

/**
 * Every time the console shows: the text in the browser's zone (the server knows it from a cookie, so both render
 * the same), the exact UTC and local time on hover and on keyboard focus. No script beyond React: the tooltip is
 * CSS, shown by :hover and :focus-visible, and takes no room while hidden.
 */
export function Time({ value, format = "relative", className }: TimeProps) {
  const id = useId();
  const timeZone = useTimeZone();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>—</span>;
  const exact = formatExact(date, timeZone);
  const text =
    format === "relative" ? formatRelativeTo(date, Date.now()) : formatInZone(date, timeZone, format === "date");
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
