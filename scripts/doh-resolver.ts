// A local DNS-over-HTTPS resolver (JSON API, as cloudflare-dns.com answers it) for tests: it answers TXT queries
// from records set through its own API, so a test can publish `gatehouse-verification=<token>` for a domain without
// any real DNS. Plain node:http, no dependencies.
//
//   GET  /dns-query?name=<name>&type=TXT   { Status: 0 | 3, Answer: [{ name, type: 16, TTL, data: "\"…\"" }] }
//   PUT  /records  { name, txt: string[] }  sets (or with [] removes) the TXT records of a name
//   DELETE /records                          removes every record
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface DohResolver {
  url: string;
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, type = "application/json") {
  res.writeHead(status, { "content-type": type });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
}

const key = (name: string) => name.trim().toLowerCase().replace(/\.$/, "");

/** Starts the resolver on `port` (0 picks one); resolves once it listens. */
export async function startDohResolver({ port = 0, host = "127.0.0.1" } = {}): Promise<DohResolver> {
  const records = new Map<string, string[]>();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://resolver.invalid");
      if (url.pathname === "/dns-query" && req.method === "GET") {
        const name = key(url.searchParams.get("name") ?? "");
        const type = (url.searchParams.get("type") ?? "A").toUpperCase();
        const txt = records.get(name);
        if (!txt) return send(res, 200, { Status: 3, Question: [{ name, type: 16 }] }, "application/dns-json");
        const answer = type === "TXT" || type === "16" ? txt : [];
        return send(
          res,
          200,
          {
            Status: 0,
            Question: [{ name, type: 16 }],
            Answer: answer.map((value) => ({ name, type: 16, TTL: 60, data: JSON.stringify(value) })),
          },
          "application/dns-json",
        );
      }
      if (url.pathname === "/records" && req.method === "PUT") {
        const body = (await readBody(req)) as { name?: unknown; txt?: unknown };
        if (typeof body?.name !== "string" || !Array.isArray(body.txt)) return send(res, 422, { error: "name, txt[]" });
        if (body.txt.length === 0) records.delete(key(body.name));
        else records.set(key(body.name), body.txt.map(String));
        return send(res, 200, { ok: true });
      }
      if (url.pathname === "/records" && req.method === "DELETE") {
        records.clear();
        return send(res, 200, { ok: true });
      }
      send(res, 404, { error: `Nothing at ${req.method} ${url.pathname}` });
    } catch (error) {
      send(res, 400, { error: (error as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}/dns-query`,
    port: actual,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
