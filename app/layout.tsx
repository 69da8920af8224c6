import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { ToasterHost } from "@/components/shell/toaster-host";
import { ThemeProvider } from "@/components/theme-provider";
import { TimeZoneProvider } from "@/components/time/time-zone";
import { TIME_ZONE_COOKIE, validTimeZone } from "@/lib/time-zone";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gatehouse", template: "%s · Gatehouse" },
  description: "Users, organizations and access for your SaaS.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The CSP nonce middleware.ts made for this request, for next-themes' inline script. Reading a header also makes
  // every page dynamic, which a per-request nonce needs (a prerendered page would carry no nonce and not run).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // The browser's zone, remembered by TimeZoneProvider: every <Time> renders on the server as the browser will.
  const timeZone = validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-svh antialiased">
        <NuqsAdapter>
          <ThemeProvider nonce={nonce}>
            <TimeZoneProvider timeZone={timeZone}>{children}</TimeZoneProvider>
            <ToasterHost richColors closeButton />
          </ThemeProvider>
        </NuqsAdapter>
      </body>
    </html>
  );
}
