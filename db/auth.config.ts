// Used only by `npm run db:schema` (the `auth` CLI): the same options as the worker, with no bindings.
import { type AppDatabase, createAuth } from "../lib/auth/create-auth";

export const auth = createAuth({} as AppDatabase, {
  BETTER_AUTH_SECRET: "schema-generation-only-secret-0123456789",
  BETTER_AUTH_URL: "http://localhost:8787",
});
