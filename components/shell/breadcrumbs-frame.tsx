"use client";

import { useRouter } from "next/navigation";
import type { MouseEvent, ReactNode } from "react";

/**
 * Holds the breadcrumbs (the layout's @breadcrumbs slot, plain server markup) and makes a plain click on one of their
 * links a client-side navigation, as next/link would; a click with a modifier (new tab, new window) stays the
 * browser's.
 */
export function BreadcrumbsFrame({ children }: { children: ReactNode }) {
  const router = useRouter();
  function onClick(event: MouseEvent<HTMLDivElement>) {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = (event.target as Element).closest("a[href^='/']");
    if (!link) return;
    event.preventDefault();
    router.push(link.getAttribute("href") as string);
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: delegates its links' clicks (they stay links for keyboards)
    // biome-ignore lint/a11y/useKeyWithClickEvents: Enter on a link fires this same click
    <div className="min-w-0 flex-1" onClick={onClick}>
      {children}
    </div>
  );
}
