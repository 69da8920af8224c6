"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { LabelledField } from "@/components/forms/labelled-field";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { createApiKeyAction } from "@/lib/actions/api-keys/create-api-key";
import type { ApiKeyScope } from "@/lib/auth/api-key-scopes";
import { API_KEY_RATE_LIMIT_MAX, type ApiKeyFields, apiKeyFieldsSchema } from "@/lib/validations/api-keys";
import { KeyReveal } from "./key-reveal";
import { ScopesField } from "./scopes-field";

const EXPIRY_LABELS = { "7": "7 days", "30": "30 days", "90": "90 days", "365": "1 year", never: "Never" } as const;

export interface CreateApiKeyFormProps {
  slug: string;
  heldScopes: ApiKeyScope[];
}

/** Name, scopes, expiry and rate limit of a new key; then the key itself, once. Loaded when its dialog opens. */
export function CreateApiKeyForm({ slug, heldScopes, close }: CreateApiKeyFormProps & DialogFormProps) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const state = useActionForm<ApiKeyFields, { id: string; key: string }>({
    schema: apiKeyFieldsSchema,
    defaultValues: { name: "", scopes: [], expiresIn: "90", rateLimit: "120" },
    action: (values) => createApiKeyAction({ ...values, slug }),
    toast: false,
    codeFields: { SCOPE_NOT_HELD: "scopes" },
    onSuccess: (result) => {
      if (result.data?.key) setSecret(result.data.key);
    },
  });

  if (secret) {
    return (
      <div className="grid gap-4">
        <KeyReveal secret={secret} />
        <DialogFooter>
          <Button
            type="button"
            onClick={() => {
              close();
              router.refresh();
            }}
          >
            Done
          </Button>
        </DialogFooter>
      </div>
    );
  }

  return (
    <ActionForm state={state}>
      <TextField
        control={state.form.control}
        name="name"
        label="Name"
        autoComplete="off"
        placeholder="HR system sync"
        description="What uses the key, so you know which one to revoke."
      />
      <ScopesField control={state.form.control} name="scopes" held={heldScopes} />
      <LabelledField
        control={state.form.control}
        name="expiresIn"
        label="Expires after"
        render={(field) => (
          <NativeSelect {...field}>
            {Object.entries(EXPIRY_LABELS).map(([value, label]) => (
              <NativeSelectOption key={value} value={value}>
                {label}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        )}
      />
      <LabelledField
        control={state.form.control}
        name="rateLimit"
        label="Requests per minute"
        description={`More answer 429 with a wait (1 to ${API_KEY_RATE_LIMIT_MAX}).`}
        render={(field) => <Input {...field} inputMode="numeric" autoComplete="off" className="w-32" />}
      />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} Create key
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
