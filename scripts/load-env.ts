// Scripts read .env files exactly like Next.js does (.env, .env.local, .env.<mode>…).
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), process.argv.includes("dev"));
