// argon2id: hashes per second on this machine, the ceiling of password logins.
import { hashPassword } from "../../lib/security/password-hash";
import { line, timed, type BenchSection } from "./measure";

const HASHES = 20;

const section: BenchSection = {
  title: "Password hashing",
  async run() {
    const { seconds } = await timed(() => Promise.all(Array.from({ length: HASHES }, (_, i) => hashPassword(`Mot-de-passe-${i}`))));
    line("argon2id (19 MiB, t=2, p=1)", `${(HASHES / seconds).toFixed(1)} hashes/s on all cores`);
  },
};
export default section;
