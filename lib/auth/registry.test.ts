// The registry classifies every endpoint the configured better-auth instance exposes, and every server action and
// route handler of ours; nothing unclassified is reachable.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createAuthEndpoint } from "better-auth/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDITED as ORGANIZATION_AUDIT_ROWS } from "@/lib/auth/plugins/organization-policy";
import { createHarness, type Harness } from "@/test/auth-harness";
import { expectRefused } from "@/test/http";
import { ACTIONS, ENDPOINTS, endpointRule } from "./registry";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

type Api = Record<string, { path?: string; options?: { metadata?: { SERVER_ONLY?: boolean } } }>;

/** The registry key of every endpoint of an auth instance: its path, or `server:<key>` when it has none. */
function liveEndpoints(api: Api) {
  return Object.entries(api).map(([key, endpoint]) => endpoint.path ?? `server:${key}`);
}

/** The live endpoints that the registry does not classify. */
function unclassified(api: Api) {
  return liveEndpoints(api).filter((key) => !Object.hasOwn(ENDPOINTS, key));
}

describe("the endpoint registry", () => {
  it("classifies every endpoint of the configured better-auth instance, and nothing that does not exist", () => {
    const live = liveEndpoints(h.auth.api as unknown as Api);
    expect(live.length).toBeGreaterThan(90);
    expect(unclassified(h.auth.api as unknown as Api)).toEqual([]);
    expect(Object.keys(ENDPOINTS).filter((key) => !live.includes(key))).toEqual([]);
  });

  it("fails on an endpoint a new plugin adds, and that endpoint is refused until it is classified", async () => {
    // The same options plus one plugin with an endpoint nobody examined.
    const options = (await h.createAuth().$context).options;
    const withPlugin = (await import("better-auth")).betterAuth({
      ...options,
      plugins: [
        ...(options.plugins ?? []),
        {
          id: "unexamined",
          endpoints: {
            exportEverything: createAuthEndpoint("/unexamined/export-everything", { method: "GET" }, async (ctx) =>
              ctx.json({ everything: true }),
            ),
          },
        },
      ],
    });
    expect(unclassified(withPlugin.api as unknown as Api)).toEqual(["/unexamined/export-everything"]);

    const response = await withPlugin.handler(new Request(`${h.baseURL}/api/auth/unexamined/export-everything`));
    await expectRefused(response, { code: "ENDPOINT_NOT_CLASSIFIED", status: 403 });
  });

  it("decides read or write per endpoint, not from the HTTP method", () => {
    expect(endpointRule("/admin/list-user-sessions")).toMatchObject({ kind: "read" });
    expect(endpointRule("/verify-email")).toMatchObject({ kind: "write" });
    expect(endpointRule("/two-factor/get-totp-uri")).toMatchObject({ kind: "read", whileImpersonating: false });
  });

  it("lets an impersonation session write only where it moves around or ends the impersonation", () => {
    const writes = Object.entries(ENDPOINTS)
      .filter(([, rule]) => rule.kind === "write" && rule.whileImpersonating)
      .map(([path]) => path)
      .sort();
    expect(writes).toEqual(["/admin/stop-impersonating", "/organization/set-active", "/sign-out"]);
    const staffReads = Object.entries(ENDPOINTS).filter(
      ([, rule]) => (rule.callers === "staff" || rule.callers === "operator") && rule.whileImpersonating,
    );
    expect(staffReads).toEqual([]);
    expect(Object.values(ACTIONS).filter((rule) => rule.kind === "write" && rule.whileImpersonating)).toEqual([]);
  });

  it("gives every audited organization endpoint its audit row", () => {
    const audited = Object.entries(ENDPOINTS)
      .filter(([path, rule]) => path.startsWith("/organization/") && rule.audited)
      .map(([path]) => path);
    expect(audited.filter((path) => !Object.hasOwn(ORGANIZATION_AUDIT_ROWS, path))).toEqual([]);
    expect(Object.keys(ORGANIZATION_AUDIT_ROWS).filter((path) => !audited.includes(path))).toEqual([]);
  });
});

function filesUnder(dir: string, name: RegExp): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return filesUnder(path, name);
    return name.test(entry) ? [path] : [];
  });
}

const ACTION_EXPORT = /^export const \w+ = serverAction\(\s*"([\w.]+)"/gm;
const ROUTE_EXPORT =
  /^export const (?:\{[^}]+\}|\w+) = (?:routeHandler|publicRouteHandler|keyRouteHandler)(?:<[^>]*>)?\(\s*"([\w.]+)"/gm;

describe("our server actions and route handlers", () => {
  it("are all built through the entry point under a registry name, each name once", () => {
    const used: string[] = [];
    for (const file of filesUnder(join(process.cwd(), "lib/actions"), /\.ts$/)) {
      const source = readFileSync(file, "utf8");
      if (!source.startsWith('"use server"')) continue;
      const exports = (source.match(/^export .*/gm) ?? []).filter((line) => !/^export (type|interface) /.test(line));
      const names = [...source.matchAll(ACTION_EXPORT)].map((m) => m[1] as string);
      // Every export of a "use server" file is reachable by any client: each must be a classified action.
      expect(names.length, `${file}: every export is serverAction("<name>", …)`).toBe(exports.length);
      used.push(...names);
    }
    for (const file of filesUnder(join(process.cwd(), "app"), /^route\.ts$/)) {
      const source = readFileSync(file, "utf8");
      const handlers = source.match(/^export (?:async function|const) .*/gm) ?? [];
      const names = [...source.matchAll(ROUTE_EXPORT)].map((m) => m[1] as string);
      expect(names.length, `${file}: every handler is routeHandler("<name>", …)`).toBe(handlers.length);
      used.push(...names);
    }
    expect(used.filter((name) => !Object.hasOwn(ACTIONS, name))).toEqual([]);
    expect(new Set(used).size).toBe(used.length);
    expect(Object.keys(ACTIONS).filter((name) => !used.includes(name))).toEqual([]);
  });
});
