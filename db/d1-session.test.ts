// Read replication's bookmarks on a real local D1 (wrangler's platform proxy: the same workerd D1 `wrangler dev`
// serves), through the same functions worker.ts runs each request with.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPlatformProxy } from "wrangler";
import { BOOKMARK_COOKIE, requestD1Handle, sessionStart, withRequestD1 } from "./d1-session";

const ORIGIN = "http://localhost:8787";

function bookmarkIn(response: Response): string | null {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    if (pair.startsWith(`${BOOKMARK_COOKIE}=`)) return decodeURIComponent(pair.slice(BOOKMARK_COOKIE.length + 1));
  }
  return null;
}

describe("sessionStart", () => {
  const get = (path: string, cookie?: string) =>
    new Request(`${ORIGIN}${path}`, cookie ? { headers: { cookie } } : undefined);

  it("starts auth and every write at the primary, whatever bookmark the browser sends", () => {
    const cookie = `${BOOKMARK_COOKIE}=00000000-00000005-00000000-00000000000000000000000000000000`;
    expect(sessionStart(get("/api/auth/get-session", cookie))).toBe("first-primary");
    expect(sessionStart(new Request(`${ORIGIN}/account/profile`, { method: "POST", headers: { cookie } }))).toBe(
      "first-primary",
    );
  });

  it("starts a read from the browser's bookmark, or anywhere without one or with a forged one", () => {
    const bookmark = "00000000-00000005-00000000-00000000000000000000000000000000";
    expect(sessionStart(get("/admin/users", `a=b; ${BOOKMARK_COOKIE}=${bookmark}`))).toBe(bookmark);
    expect(sessionStart(get("/admin/users"))).toBe("first-unconstrained");
    expect(sessionStart(get("/admin/users", `${BOOKMARK_COOKIE}=first-primary%3Bx`))).toBe("first-unconstrained");
    expect(sessionStart(get("/admin/users", `${BOOKMARK_COOKIE}=${"0".repeat(300)}`))).toBe("first-unconstrained");
  });
});

describe("withRequestD1 on a local D1", () => {
  let dir: string;
  let proxy: Awaited<ReturnType<typeof getPlatformProxy<{ DB: D1Database }>>>;
  let env: { DB: D1Database; D1_READ_REPLICATION: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "gatehouse-d1-session-"));
    proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: "wrangler.toml", persist: { path: dir } });
    env = { DB: proxy.env.DB, D1_READ_REPLICATION: "on" };
    await env.DB.prepare("create table note (body text not null)").run();
  }, 60_000);
  afterAll(async () => {
    await proxy?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  // One "request": its D1 work runs on the handle better-auth and drizzle are built on, as in the worker.
  const handle = () => requestD1Handle(env);
  const serve = (request: Request, work: () => Promise<unknown>) =>
    withRequestD1(request, env, async () => Response.json(await work()));

  it("returns the bookmark after a write, and the next request starting from it reads the write", async () => {
    const write = await serve(new Request(`${ORIGIN}/account/profile`, { method: "POST" }), () =>
      handle().prepare("insert into note (body) values (?)").bind("read your writes").run(),
    );
    const bookmark = bookmarkIn(write);
    expect(bookmark).toMatch(/^[0-9a-f-]+$/);
    expect(write.headers.getSetCookie().join()).toMatch(/HttpOnly; SameSite=Lax/);

    const next = new Request(`${ORIGIN}/account/profile`, { headers: { cookie: `${BOOKMARK_COOKIE}=${bookmark}` } });
    expect(sessionStart(next)).toBe(bookmark);
    const read = await serve(next, () => handle().prepare("select body from note").all());
    expect(((await read.json()) as { results: { body: string }[] }).results).toEqual([{ body: "read your writes" }]);
  });

  it("moves the bookmark forward with each write, and never back", async () => {
    const first = bookmarkIn(
      await serve(new Request(`${ORIGIN}/x`, { method: "POST" }), () =>
        handle().prepare("insert into note (body) values ('one')").run(),
      ),
    );
    const second = bookmarkIn(
      await serve(
        new Request(`${ORIGIN}/x`, { method: "POST", headers: { cookie: `${BOOKMARK_COOKIE}=${first}` } }),
        () => handle().prepare("insert into note (body) values ('two')").run(),
      ),
    );
    expect(first && second && second > first).toBe(true);
    // A read starting from the second bookmark ends at it or later (local D1 moves it on reads too).
    const afterRead = await serve(
      new Request(`${ORIGIN}/x`, { headers: { cookie: `${BOOKMARK_COOKIE}=${second}` } }),
      () => handle().prepare("select count(*) as n from note").first(),
    );
    expect((bookmarkIn(afterRead) ?? second ?? "") >= (second ?? "~")).toBe(true);
  });

  it("leaves requests alone with the setting off: the binding itself, no cookie", async () => {
    const off = { DB: env.DB };
    expect(requestD1Handle(off)).toBe(env.DB);
    const response = await withRequestD1(new Request(`${ORIGIN}/x`, { method: "POST" }), off, async () =>
      Response.json(await requestD1Handle(off).prepare("select 1 as one").first()),
    );
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});
