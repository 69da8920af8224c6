// SQL on the end-to-end worker's local D1, for the few states a test cannot reach through the product in its run time
// (an invitation past its expiry, a session signed in 20 minutes ago). Reads and writes nothing else.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { E2E_PERSIST } from "./config";

/**
 * The tag of every test that calls `executeOnLocalD1`. While wrangler writes, the SQLite file is locked and a request
 * the worker serves for another test meanwhile fails with SQLITE_BUSY (a local-only effect), so playwright.config.ts
 * runs these tests after all the others, one at a time.
 */
export const EDITS_LOCAL_D1 = "@edits-local-d1";

/** Runs one statement with wrangler; retried while the running worker holds the database lock (SQLITE_BUSY). */
export async function executeOnLocalD1(command: string) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await promisify(execFile)("npx", [
        "wrangler",
        "d1",
        "execute",
        "DB",
        "--local",
        "--persist-to",
        E2E_PERSIST,
        "--command",
        command,
      ]);
      return;
    } catch (error) {
      const busy = /SQLITE_BUSY|database is locked/i.test(String((error as { stderr?: string }).stderr ?? error));
      if (!busy || attempt >= 5) throw error;
    }
  }
}
