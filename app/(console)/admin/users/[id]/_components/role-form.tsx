"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { setUserRoleAction } from "@/lib/actions/users/set-user-role";
import { toast } from "@/lib/toast";
import { PLATFORM_ROLES, type PlatformRole } from "../../../_components/platform-roles";

/** Changes a user's platform role (operators only; never their own or another operator's). */
export function RoleForm({ userId, role }: { userId: string; role: string }) {
  const router = useRouter();
  const [value, setValue] = useState<PlatformRole>(role === "support" || role === "admin" ? role : "user");
  const [pending, setPending] = useState(false);
  const stepUp = useStepUp();

  async function save() {
    setPending(true);
    const result = await stepUp(() => setUserRoleAction({ userId, role: value }));
    setPending(false);
    if (!result.ok) {
      toast.error(result.error);
      return;
    }
    toast.success(result.message);
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="grid gap-2">
        <Label htmlFor="role-select">Change role</Label>
        {/* The browser's select: Radix Select would add ~14 KiB gzip to the page's first load for three options. */}
        <NativeSelect
          id="role-select"
          className="w-44"
          value={value}
          onChange={(event) => setValue(event.target.value as PlatformRole)}
        >
          {PLATFORM_ROLES.map((option) => (
            <NativeSelectOption key={option.value} value={option.value}>
              {option.label}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </div>
      <Button variant="outline" onClick={save} disabled={pending || value === role} aria-busy={pending}>
        {pending ? <Spinner /> : null} Save role
      </Button>
    </div>
  );
}
