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
  webpack(config, { isServer }) {
    if (!isServer) {
      // The tables' URL parsers (lib/data-table/search-params.ts) are shared with server pages, so they import
      // nuqs/server; in the browser that put a second copy of nuqs's parsers (~5 KiB gzip) beside nuqs itself on every
      // table page. nuqs exports the same functions, so the browser bundle resolves nuqs/server to nuqs
      // (Biome's noRestrictedImports in biome.json refuses createSearchParamsCache, the one name nuqs lacks).
      config.resolve.alias = { ...config.resolve.alias, "nuqs/server$": "nuqs" };
    }
    return config;
  },
};

export default nextConfig;

// Gives `next dev` the local D1 binding and .dev.vars through getCloudflareContext().
initOpenNextCloudflareForDev();
