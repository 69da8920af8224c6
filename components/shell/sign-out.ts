import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient } from "@/lib/auth/load-client";
import { toast } from "@/lib/toast";

/** Signs out through better-auth's client and goes to /sign-in (ending an impersonation ends it: operator policy). */
export async function signOut() {
  const authClient = await loadAuthClient();
  const result = await fromAuth(await authClient.signOut());
  if (!result.ok) {
    toast.error(result.error);
    return;
  }
  window.location.assign("/sign-in");
}
