"use client";

import type { ReactNode } from "react";
import { useNavClicks } from "./nav-link";

/**
 * Holds the breadcrumbs (the layout's @breadcrumbs slot, plain server markup) and makes a plain click on one of their
 * links a client-side navigation, as next/link would (`useNavClicks`, as the sidebar's links); a click with a modifier
 * (new tab, new window) stays the browser's.
 */
export function BreadcrumbsFrame({ children }: { children: ReactNode }) {
  // The sidebar's navigation (its pending mark is not shown here: a crumb leads to a page the title already names).
  const { handlers } = useNavClicks();
  return (
    // Delegates its links' clicks; they stay links for keyboards (Enter on a link fires this same click).
    <div className="min-w-0 flex-1" {...handlers}>
      {children}
    </div>
  );
}
