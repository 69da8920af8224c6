// What every console page must pass at every viewport and theme (the "viewport-*" projects of playwright.config.ts):
// no sideways page scroll, every table row and row menu reachable, and no serious or critical axe violation.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, hydrated } from "./fixtures";

/** WCAG 2.0–2.2 A and AA, the level the issue asks for. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface Unreachable {
  row: number;
  what: string;
  rect: { left: number; right: number; top: number; bottom: number };
}

/** Rows and row menus a person cannot see or press: each is scrolled into view and hit-tested at its centre. */
async function unreachableRowParts(page: Page): Promise<Unreachable[]> {
  return page.evaluate(() => {
    const problems: Unreachable[] = [];
    const rows = [...document.querySelectorAll<HTMLTableRowElement>("table[data-slot=table] tbody tr[data-row-index]")];
    const inView = (element: Element) => {
      const rect = element.getBoundingClientRect();
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      const hit = document.elementFromPoint(x, y);
      const visible = rect.width > 0 && rect.left >= 0 && rect.right <= window.innerWidth + 0.5;
      return { ok: visible && hit !== null && (hit === element || element.contains(hit)), rect };
    };
    for (const [index, row] of rows.entries()) {
      const parts: [string, Element][] = [["row", row]];
      for (const menu of row.querySelectorAll("button[aria-haspopup=menu]")) parts.push(["row menu", menu]);
      for (const [what, element] of parts) {
        element.scrollIntoView({ block: "center", inline: "nearest" });
        const { ok, rect } = inView(what === "row" ? (row.cells[0] ?? row) : element);
        if (!ok) {
          const { left, right, top, bottom } = rect;
          problems.push({ row: index, what, rect: { left, right, top, bottom } });
        }
      }
    }
    window.scrollTo(0, 0);
    return problems;
  });
}

/**
 * Opens `path` and checks it as the "Done when" says. `expectRows` names tables that must show at least one
 * row (so the check is not passed by an empty page).
 */
export async function checkConsolePage(page: Page, path: string, options: { expectRows?: boolean } = {}) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers`).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // React streams a finished Suspense boundary as `<div hidden id="S:n">` and reveals it later (reveals are batched,
  // up to 300 ms apart): rows still in such a holder have no box yet, and are not what a person sees.
  await page.waitForFunction(() => document.querySelector('div[hidden][id^="S:"]') === null);
  if (options.expectRows)
    await expect(page.locator("table[data-slot=table] tbody tr[data-row-index]").first()).toBeVisible();

  const width = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(width.scroll, `${path} scrolls sideways (${width.scroll} > ${width.inner})`).toBeLessThanOrEqual(width.inner);

  expect(await unreachableRowParts(page), `${path}: rows and row menus out of reach`).toEqual([]);

  // Colours are read once hydration has enabled the controls and their fade-in has finished (a button half way from
  // disabled to enabled is neither, and reads as low contrast); endless animations (spinners) are not waited for.
  await hydrated(page);
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== "running" || animation.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")} — ${node.failureSummary ?? ""}`),
    }));
  expect(serious, `${path}: axe violations`).toEqual([]);
}
