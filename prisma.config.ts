// Prisma's CLI would download a native schema engine for generate/migrate; the client is
// Rust-free and migrations are driven by scripts/db.ts through the WebAssembly engine, so
// no download is ever needed (ARCHITECTURE.md "Prisma offline").
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
process.env.CHECKPOINT_DISABLE ??= "1";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
});
