import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/index.ts",
  // The folder wrangler applies (`migrations_dir` in wrangler.toml).
  out: "./migrations",
});
