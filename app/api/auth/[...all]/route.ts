import { toNextJsHandler } from "better-auth/next-js";
import { publicRouteHandler } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";

// better-auth's mount: every endpoint behind it is classified one by one (ENDPOINTS in lib/auth/registry.ts).
export const { GET, POST, PATCH, PUT, DELETE } = publicRouteHandler(
  "api.auth",
  toNextJsHandler(async (request: Request) => (await getAuth()).handler(request)),
);
