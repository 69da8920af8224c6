import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("Radix imports", () => {
  it("name each primitive's subpath (radix-ui/dialog …), never the radix-ui barrel", () => {
    // The barrel pulled every Radix primitive into the client (37 KiB gzip of unused ones on every page), and Biome
    // does not lint components/ui (kept in shadcn's form), hence this test.
    const offenders = ["components", "app"]
      .flatMap((dir) => sources(join(process.cwd(), dir)))
      .filter((file) => /from\s+["']radix-ui["']/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
