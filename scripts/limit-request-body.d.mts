// Types of limit-request-body.mjs (plain JavaScript, run by the production server).
import { IncomingMessage, type ServerResponse } from "node:http";

export class HeldBodyRequest extends IncomingMessage {
  holdBody(limit: number): Promise<"complete" | "too-large">;
  discardBody(): void;
  release(): void;
}

export function limitRequestBodies(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): (request: IncomingMessage, response: ServerResponse) => void;
