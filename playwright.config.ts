import { defineConfig, devices } from "@playwright/test";
import { BASE_URL } from "./e2e/config";
import { EDITS_LOCAL_D1 } from "./e2e/local-d1";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

/** The phone and laptop sizes every console page must fit (e2e/layout.spec.ts), each in light and dark. */
const LAYOUT_SPEC = /layout\.spec\.ts/;
const viewports = [
  { name: "390", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: "1366", viewport: { width: 1366, height: 768 } },
];
const layoutProjects = viewports.flatMap(({ name, ...size }) =>
  (["light", "dark"] as const).map((colorScheme) => ({
    name: `viewport-${name}-${colorScheme}`,
    testMatch: LAYOUT_SPEC,
    use: { ...chromium, ...size, colorScheme },
  })),
);

// Runs against the built worker in workerd (npm run test:e2e builds it first), never `next dev`.
export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", grepInvert: new RegExp(EDITS_LOCAL_D1), testIgnore: LAYOUT_SPEC, use: chromium },
    ...layoutProjects,
    // Tests that edit a row with `wrangler d1 execute` (e2e/local-d1.ts) run last and alone: nothing else is serving
    // a request when the file is locked.
    {
      name: "edits-local-d1",
      grep: new RegExp(EDITS_LOCAL_D1),
      dependencies: ["chromium"],
      workers: 1,
      use: chromium,
    },
  ],
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `${BASE_URL}/sign-in`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
