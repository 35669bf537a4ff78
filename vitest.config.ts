import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Tests import server modules directly, outside React's server environment.
      "server-only": path.join(root, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    env: {
      AUTH_SECRET: "secret-de-test-uniquement-pour-vitest-0123456789",
      APP_URL: "http://127.0.0.1:3000",
    },
    exclude: ["node_modules/**", ".next/**", ".data/**", "e2e/**"],
    // next-auth imports "next/server" without an extension, which Node's own resolver refuses
    // outside Next: let Vite resolve it (actions reach Auth.js through their guards).
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: ["**/*.int.test.ts", "**/*.cluster.test.ts", "node_modules/**", ".next/**", ".data/**", "e2e/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["**/*.cluster.test.ts", "node_modules/**", ".next/**", ".data/**", "e2e/**"],
          globalSetup: ["lib/testing/integration-global-setup.ts"],
          setupFiles: ["lib/testing/database-per-file.ts", "lib/testing/action-request.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Several app instances and workers on one PostgreSQL of their own, over HTTP, with
        // the production build (issue 17, item 4): `npm run test:cluster`, after the build that
        // the end-to-end lane makes (`npm test` runs it last). It builds when there is none.
        extends: true,
        test: {
          name: "cluster",
          include: ["**/*.cluster.test.ts"],
          exclude: ["node_modules/**", ".next/**", ".data/**", "e2e/**"],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
