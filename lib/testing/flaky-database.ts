// A database client whose chosen calls fail as if PostgreSQL had just gone away (issue 17,
// item 4): the error Prisma 7 throws through @prisma/adapter-pg when the server cannot be
// reached. Everything else goes to the real test database.
import type { Db } from "../db";

export function unreachableDatabaseError(): Error {
  return Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { name: "PrismaClientKnownRequestError", code: "P1001" });
}

/**
 * `db` with `failures` of its calls failing: `{ "$transaction": 1 }` fails the next
 * transaction, `{ "jobRun.updateMany": 2 }` the next two updateMany of the job runs.
 */
export function flakyDatabase(db: Db, failures: Record<string, number>): Db {
  const left = { ...failures };
  const fail = (name: string) => (left[name] ?? 0) > 0 && (left[name] -= 1) >= 0;
  const wrap = (target: object, prefix: string): object =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        const name = `${prefix}${String(property)}`;
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            if (fail(name)) return Promise.reject(unreachableDatabaseError());
            return (value as (...args: unknown[]) => unknown).apply(object, args);
          };
        }
        if (value && typeof value === "object" && prefix === "" && Object.keys(left).some((key) => key.startsWith(`${name}.`))) return wrap(value, `${name}.`);
        return value;
      },
    });
  return wrap(db, "") as Db;
}
