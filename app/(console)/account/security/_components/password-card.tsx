"use client";

import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useHydrated } from "@/lib/hooks/use-hydrated";

const load = () => import("./change-password-form");
const ChangePasswordForm = lazy(() => load().then((module) => ({ default: module.ChangePasswordForm })));
const preload = () => void load();

/**
 * The password card. The form opens on "Change password…", as Clerk's and Logto's account pages have it: until then
 * the page carries no form to render on the server or to download (react-hook-form's fields were the largest part of
 * this page's server rendering; README, "Performance").
 */
export function PasswordCard() {
  const hydrated = useHydrated(); // a press before hydration would open nothing
  const [open, setOpen] = useState(false);
  if (open) {
    return (
      <Suspense fallback={<Skeleton className="h-96 w-full rounded-xl" />}>
        <ChangePasswordForm autoFocus />
      </Suspense>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Password</h2>
        </CardTitle>
        <CardDescription>We will email you when it changes.</CardDescription>
      </CardHeader>
      <CardContent>
        <Button
          variant="outline"
          disabled={!hydrated}
          onPointerEnter={preload}
          onFocus={preload}
          onClick={() => setOpen(true)}
        >
          Change password…
        </Button>
      </CardContent>
    </Card>
  );
}
