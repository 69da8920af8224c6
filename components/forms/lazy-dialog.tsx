"use client";

import { type ComponentType, lazy, type ReactNode, Suspense, useRef, useState } from "react";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { DraftContext } from "./draft";

/** What a dialog's form is given besides its own props: how to close the dialog. */
export interface DialogFormProps {
  close: () => void;
}

export interface LazyDialogProps {
  title: ReactNode;
  description?: ReactNode;
  /** The button that opens it; without one, the dialog is opened by its owner through `open`. */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  className?: string;
}

/**
 * A dialog whose form loads when it first opens (react-hook-form, zod and the form stay off the page's first load),
 * and keeps what was typed (secrets aside) when it is closed before it was sent.
 */
export function lazyDialog<P extends object>(load: () => Promise<ComponentType<P & DialogFormProps>>) {
  const Body = lazy(async () => ({ default: await load() }));
  // biome-ignore lint/correctness/noComponentHookFactories: a factory like React's `lazy`, called once at module scope
  return function LazyDialog({
    title,
    description,
    trigger,
    open,
    onOpenChange,
    className,
    ...props
  }: LazyDialogProps & P) {
    const [ownOpen, setOwnOpen] = useState(false);
    const draft = useRef<Record<string, unknown> | undefined>(undefined);
    const isOpen = open ?? ownOpen;
    const setOpen = onOpenChange ?? setOwnOpen;
    return (
      <Dialog open={isOpen} onOpenChange={setOpen}>
        {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
        <DialogContent className={className}>
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            {description ? <DialogDescription>{description}</DialogDescription> : null}
          </DialogHeader>
          <DraftContext.Provider value={draft}>
            <Suspense fallback={<Spinner className="mx-auto" />}>
              <Body {...(props as P)} close={() => setOpen(false)} />
            </Suspense>
          </DraftContext.Provider>
        </DialogContent>
      </Dialog>
    );
  };
}
