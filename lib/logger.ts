// Structured logs (pino), one JSON object a line.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "portail-e-services" },
  redact: ["password", "*.password", "token", "*.token", "code", "*.code"],
});
