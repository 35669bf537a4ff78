// Login throughput (SPEC: within 15 % of the argon2id ceiling measured in the same run). The
// login path is measured below HTTP: rate-limit checks, the account lookup, argon2id
// verification, clearing the failure counter, lastLoginAt and the login event.
import { availableParallelism } from "node:os";
import { hashPassword, verifyPassword } from "../../lib/security/password-hash";
import { authenticate } from "../../lib/auth/authenticate";
import { CONCURRENCY, line, runConcurrently, timed, type BenchSection } from "./measure";

const LOGINS = 240;
const PASSWORD = "Banc-Essai-2026";

const section: BenchSection = {
  title: "Login",
  async run({ db }) {
    const passwordHash = await hashPassword(PASSWORD);
    const { id: organisationId } = await db.organisation.create({
      data: { kind: "COMMUNE", name: "Commune des connexions", code: "BENCH-LOGIN", legalRepresentativeTitle: "Maire", postalCodes: ["42000"] },
    });
    await db.$executeRaw`
      INSERT INTO "accounts" ("id", "organisationId", "identifier", "civility", "firstName", "lastName", "email", "role", "status", "passwordHash", "emailVerifiedAt", "updatedAt")
      SELECT gen_random_uuid(), ${organisationId}::uuid, 'bench-login-' || n, 'MADAME', 'Prénom', 'Nom', 'login' || n || '@bench.example', 'USER', 'ACTIVE', ${passwordHash}, now(), now()
      FROM generate_series(1, ${CONCURRENCY}) AS n`;

    // The ceiling: argon2id verifications alone, with as many in flight as the login run,
    // measured before and after it (the machine is shared: the mean of both is the reference).
    const measureCeiling = async () => LOGINS / (await timed(() => runConcurrently(LOGINS, () => verifyPassword(passwordHash, PASSWORD)))).seconds;
    const before = await measureCeiling();

    let failures = 0;
    const logins = await timed(() =>
      runConcurrently(LOGINS, async (turn) => {
        const result = await authenticate(
          db,
          { identifier: `bench-login-${1 + (turn % CONCURRENCY)}`, password: PASSWORD },
          { ipAddress: `203.0.113.${1 + (turn % 200)}`, userAgent: "bench" },
        );
        if (!result.ok) failures++;
      }),
    );
    const loginsPerSecond = LOGINS / logins.seconds;
    const after = await measureCeiling();
    const ceilingPerSecond = (before + after) / 2;
    line("argon2id verify ceiling", `${ceilingPerSecond.toFixed(1)} verifications/s (${before.toFixed(1)} before, ${after.toFixed(1)} after; ${availableParallelism()} cores)`);
    line(
      `Password logins (${CONCURRENCY} clients)`,
      `${loginsPerSecond.toFixed(1)} logins/s = ${((loginsPerSecond / ceilingPerSecond) * 100).toFixed(0)} % of the ceiling${failures ? `, ${failures} FAILED` : ""}`,
      "≥ 85 %",
    );
  },
};
export default section;
