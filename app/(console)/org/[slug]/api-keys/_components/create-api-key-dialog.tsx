"use client";

import { Plus } from "lucide-react";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";
import type { ApiKeyScope } from "@/lib/auth/api-key-scopes";
import { useHydrated } from "@/lib/hooks/use-hydrated";

/** The dialog around the key form; the form loads when it first opens. */
const ApiKeyDialog = lazyDialog(() => import("./create-api-key-form").then((module) => module.CreateApiKeyForm));

/** "Create key" and its dialog. */
export function CreateApiKeyDialog({ slug, heldScopes }: { slug: string; heldScopes: ApiKeyScope[] }) {
  const hydrated = useHydrated();
  return (
    <ApiKeyDialog
      slug={slug}
      heldScopes={heldScopes}
      title="Create API key"
      description="The key acts with your rights in this organization, limited to the scopes you choose."
      className="sm:max-w-lg"
      trigger={
        <Button type="button" disabled={!hydrated}>
          <Plus aria-hidden /> Create key
        </Button>
      }
    />
  );
}
