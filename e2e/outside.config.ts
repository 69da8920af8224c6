import { defineConfig } from "@playwright/test";
import base from "../playwright.config";

// `npm run test:outside` (scripts/outside.ts): the abuse suite against a worker someone else started, normally
// `npm run preview` on its own local D1. No webServer: the specs only speak HTTP to it (better-auth's client SDK,
// fetch and the browser), read its mail from the sink and age a row in its local D1 where a spec needs an old state.
export default defineConfig({
  ...base,
  testDir: "./security",
  webServer: undefined,
  // One test at a time: a case that edits a row with `wrangler d1 execute` locks the SQLite file the preview serves
  // from, and a request another test makes meanwhile fails with SQLITE_BUSY (a local-only effect: D1 has no such
  // second writer).
  workers: 1,
  reporter: [["list"]],
  outputDir: "../test-results/outside",
});
