"use client";

import { useId } from "react";
import { formatExact } from "@/lib/time-format";
import { type TimeProps, TimeView, timeText } from "./time-view";
import { useTimeZone } from "./time-zone";

export type { TimeProps };

/**
 * Every time the console shows in client components: the text in the browser's zone (the server knows it from a
 * cookie, so both render the same), the exact UTC and local time on hover and on keyboard focus. Server components
 * use `<ServerTime>`, the same markup without any script.
 */
export function Time({ value, format = "relative", className }: TimeProps) {
  const id = useId();
  const timeZone = useTimeZone();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>—</span>;
  return (
    <TimeView
      date={date}
      text={timeText(date, format, timeZone, Date.now())}
      exact={formatExact(date, timeZone)}
      id={id}
      className={className}
    />
  );
}
