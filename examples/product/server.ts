// An example product behind Gatehouse (README, "Integrating a product"): a small Node server that
// - serves a page whose script fetches a short-lived token from Gatehouse (GET /api/auth/token, with the browser's
//   Gatehouse cookies: allowed by PRODUCT_ORIGINS) and calls this server's API with it;
// - verifies that token against Gatehouse's JWKS with `jose` (issuer, audience, expiry, signature), shows "signed in
//   as … in … (impersonated by …)", and refuses writes while the token carries `act` (an impersonation);
// - receives Gatehouse's webhooks, verifies their Standard Webhooks signature with `standardwebhooks` and keeps each
//   event once (by its `webhook-id`).
//
// Run it: GATEHOUSE_URL=http://localhost:8787 WEBHOOK_SECRET=whsec_… npx tsx examples/product/server.ts
// (PRODUCT_PORT, default 8802; add http://localhost:8802 to Gatehouse's PRODUCT_ORIGINS).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from "jose";
import { Webhook } from "standardwebhooks";
import { productPage } from "./page";

export interface ProductOptions {
  port?: number;
  /** Gatehouse's base URL: the token's issuer and audience, and where the JWKS is. */
  gatehouseUrl: string;
  /** The signing secret of the Gatehouse webhook endpoint that points here (shown once when it was added). */
  webhookSecret?: string;
}

export interface GatehouseClaims extends JWTPayload {
  email: string;
  name: string;
  role: string;
  sid: string;
  org: { id: string; slug: string; name: string; role: string; permissions: string[] } | null;
  act?: { sub: string; name: string | null; read_only: true };
}

export interface Product {
  url: string;
  /** Webhook events received (verified), once each. */
  events: { id: string; type: string; data: unknown }[];
  setWebhookSecret(secret: string): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startProduct({ port = 8802, gatehouseUrl, webhookSecret }: ProductOptions): Promise<Product> {
  const issuer = gatehouseUrl.replace(/\/+$/, "");
  // jose caches the key set and refetches it when a token names a key it has not seen (a rotation).
  const jwks = createRemoteJWKSet(new URL(`${issuer}/api/auth/jwks`));
  const events: Product["events"] = [];
  let secret = webhookSecret ?? null;

  /** The verified claims of the request's bearer token, or the reason it is refused. */
  async function authenticate(req: IncomingMessage): Promise<GatehouseClaims | { error: string }> {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!token) return { error: "missing_token" };
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer, audience: issuer, algorithms: ["EdDSA"] });
      return payload as GatehouseClaims;
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { error: "token_expired" };
      return { error: "invalid_token" };
    }
  }

  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://product.invalid").pathname;
    try {
      if (req.method === "GET" && path === "/") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(productPage(issuer));
        return;
      }
      if (path === "/api/me" || path === "/api/notes") {
        const claims = await authenticate(req);
        if ("error" in claims) return send(res, 401, claims, { "www-authenticate": `Bearer error="${claims.error}"` });
        if (req.method === "GET" && path === "/api/me") {
          return send(res, 200, {
            user: { id: claims.sub, email: claims.email, name: claims.name },
            organization: claims.org,
            impersonatedBy: claims.act ?? null,
          });
        }
        if (req.method === "POST" && path === "/api/notes") {
          // `act` means staff are looking through this user's eyes: read-only, so no write goes through.
          if (claims.act) return send(res, 403, { error: "read_only", message: "Impersonation is read-only." });
          return send(res, 201, { saved: true, by: claims.sub });
        }
      }
      if (req.method === "POST" && path === "/webhooks/gatehouse") {
        const body = await readBody(req);
        if (!secret) return send(res, 503, { error: "no_secret" });
        let event: { type: string; data: unknown };
        try {
          event = new Webhook(secret).verify(body, req.headers as Record<string, string>) as typeof event;
        } catch {
          return send(res, 400, { error: "bad_signature" });
        }
        const id = String(req.headers["webhook-id"]);
        if (!events.some((e) => e.id === id)) events.push({ id, type: event.type, data: event.data });
        res.writeHead(204).end();
        return;
      }
      if (req.method === "GET" && path === "/api/events") return send(res, 200, { events });
      send(res, 404, { error: "not_found" });
    } catch (error) {
      send(res, 500, { error: "internal", message: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://localhost:${address.port}`,
    events,
    setWebhookSecret: (value) => {
      secret = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const product = await startProduct({
    port: Number(process.env.PRODUCT_PORT ?? 8802),
    gatehouseUrl: process.env.GATEHOUSE_URL ?? "http://localhost:8787",
    webhookSecret: process.env.WEBHOOK_SECRET,
  });
  console.log(`example product at ${product.url}`);
}
