import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signInSchema } from "./auth";

describe("zod under the console's CSP", () => {
  it("runs without eval: jitless is on once a schema module is loaded", () => {
    expect(signInSchema.safeParse({ email: "a@b.test", password: "x" }).success).toBe(true);
    expect(z.config().jitless).toBe(true);
  });

  it("every schema module loads ./zod-config before zod, and nothing re-exports zod's namespace", () => {
    const dir = join(process.cwd(), "lib/validations");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const source = readFileSync(join(dir, file), "utf8");
      // A re-exported `z` escapes webpack's tree shaking: the pages would ship all of zod.
      expect(source, file).not.toMatch(/export\s*(\*|\{[^}]*\bz\b)/);
      if (file === "zod-config.ts" || !/from "zod"/.test(source)) continue;
      const config = source.indexOf('import "./zod-config";');
      expect(config, `${file} imports ./zod-config`).toBeGreaterThanOrEqual(0);
      expect(config, `${file} imports ./zod-config before zod`).toBeLessThan(source.indexOf('from "zod"'));
    }
  });
});
