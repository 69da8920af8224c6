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

  it("every schema module takes z from ./zod, so the setting precedes every schema", () => {
    const dir = join(process.cwd(), "lib/validations");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "zod.ts")) {
      const source = readFileSync(join(dir, file), "utf8");
      expect(source, file).not.toMatch(/from "zod"/);
    }
  });
});
