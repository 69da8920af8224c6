import { initOpenNextCloudflareForDev } from "@opennextjs/cloudflare";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // The same ceiling middleware.ts enforces (lib/security/request-policy.ts MAX_BODY_BYTES), should a request
    // ever reach an action without passing through it.
    serverActions: { bodySizeLimit: "64kb" },
  },
  // What middleware does not see (its matcher skips the build's static files). On Workers those are served from
  // assets before the worker runs, so public/_headers says the same there.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;

// Gives `next dev` the local D1 binding and .dev.vars through getCloudflareContext().
initOpenNextCloudflareForDev();
