import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as nuqs from "nuqs";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("nuqs/server in the browser", () => {
  it("only imports what nuqs itself exports (next.config.ts resolves nuqs/server to nuqs in the browser)", () => {
    // webpack would only warn about a missing export, and the browser would get undefined.
    const imported = ["app", "components", "lib"]
      .flatMap((dir) => sources(join(process.cwd(), dir)))
      .flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/import\s*\{([^}]*)\}\s*from\s*"nuqs\/server"/g)].flatMap((match) =>
          (match[1] ?? "")
            .split(",")
            .map((name) => name.trim())
            .filter((name) => name && !name.startsWith("type "))
            .map((name) => name.split(/\s+as\s+/)[0] as string),
        ),
      );
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => !(name in nuqs))).toEqual([]);
  });
});
