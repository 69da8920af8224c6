"use client";

import { Search } from "lucide-react";
import { lazy, Suspense, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import type { CommandPaletteProps } from "./command-palette-dialog";

// cmdk, the dialog and the lists load on first use (hover, focus, a press or the shortcut): no page's first load grows.
const load = () => import("./command-palette-dialog");
const CommandPaletteDialog = lazy(() => load().then((module) => ({ default: module.CommandPaletteDialog })));
const preload = () => void load();

/** Whether this key press is the palette's shortcut: ⌘K on a Mac, Ctrl+K elsewhere (either is taken). */
function isShortcut(event: KeyboardEvent) {
  return (event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k";
}

/** The header's search button and the ⌘K / Ctrl+K shortcut: go to a page, find a user or organization, run an action. */
export function CommandPalette(props: CommandPaletteProps) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const [mac, setMac] = useState(false);
  useEffect(() => {
    setMac(/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent));
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcut(event)) return;
      event.preventDefault();
      setUsed(true);
      setOpen((wasOpen) => !wasOpen);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        className="gap-2 text-muted-foreground sm:w-56 sm:justify-start"
        disabled={!hydrated}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        aria-label="Search and commands"
      >
        <Search aria-hidden />
        <span className="hidden sm:inline">Search…</span>
        <kbd className="pointer-events-none ml-auto hidden rounded border px-1.5 font-mono text-[11px] sm:inline">
          {mac ? "⌘K" : "Ctrl K"}
        </kbd>
      </Button>
      {used ? (
        <Suspense fallback={null}>
          <CommandPaletteDialog {...props} open={open} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
