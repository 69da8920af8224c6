// Used only by `npm run db:schema` (the `auth` CLI): the same options as the worker, with no bindings.

import { createAuth } from "../lib/auth/create-auth";
import type { Database } from "./database";

export const auth = createAuth({} as Database, {
  BETTER_AUTH_SECRET: "schema-generation-only-secret-0123456789",
  BETTER_AUTH_URL: "http://localhost:8787",
});
