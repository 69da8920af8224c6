"use client";

import type * as React from "react";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { cn } from "@/lib/utils";

export interface MobileSidebarSheetProps {
  /** The menu button, wrapped here in the sheet's trigger. */
  trigger: React.ReactElement;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  className?: string;
  children: React.ReactNode;
}

/** The navigation sheet below md (components/ui/sidebar.tsx `MobileSidebar` loads it on first use). */
export function MobileSidebarSheet({ trigger, open, onOpenChange, title, className, children }: MobileSidebarSheetProps) {
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetTrigger asChild>{trigger}</SheetTrigger>
      <SheetContent
        side="left"
        data-slot="mobile-sidebar"
        className={cn("bg-sidebar text-sidebar-foreground w-64 gap-0 p-0 sm:max-w-64", className)}
      >
        <SheetHeader className="sr-only">
          <SheetTitle>{title}</SheetTitle>
          <SheetDescription>Site navigation</SheetDescription>
        </SheetHeader>
        <div className="flex h-full min-h-0 flex-col">{children}</div>
      </SheetContent>
    </Sheet>
  );
}
