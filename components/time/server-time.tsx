import "server-only";
import { cookies } from "next/headers";
import { formatExact } from "@/lib/time-format";
import { TIME_ZONE_COOKIE, validTimeZone } from "@/lib/time-zone";
import { type TimeProps, TimeView, timeText } from "./time-view";

/** `<Time>` for server components: the zone from the cookie, the same markup, no script in the browser. */
export async function ServerTime({ value, format = "relative", className }: TimeProps) {
  const timeZone = validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span className={className}>—</span>;
  return (
    <TimeView
      date={date}
      text={timeText(date, format, timeZone, Date.now())}
      exact={formatExact(date, timeZone)}
      id={`time-${crypto.randomUUID()}`}
      className={className}
    />
  );
}
