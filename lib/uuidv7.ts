// UUID version 7 (RFC 9562) for rows inserted with raw SQL: the same time-ordered ids that
// Prisma's @default(uuid(7)) gives, which PostgreSQL 15 (the server lane) cannot generate.
import { randomBytes } from "node:crypto";

export function uuidv7(at: Date = new Date()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(at.getTime(), 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
