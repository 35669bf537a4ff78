// Scripts (worker, seed, database tasks) run outside Next.js and may load lib/ modules that
// import "server-only" to keep them out of client bundles. That guard throws when it is not
// resolved under React's server condition, so map it to an empty module here.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
        return next(specifier, context);
      }
    `),
);
