import { initOpenNextCloudflareForDev } from "@opennextjs/cloudflare";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;

// Gives `next dev` the local D1 binding and .dev.vars through getCloudflareContext().
initOpenNextCloudflareForDev();
