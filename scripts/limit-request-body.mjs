// @ts-check
// SEC-9: the production server counts the bytes of every request body as they arrive, chunked
// bodies included, and answers 413 past the path's limit (lib/security/request-body-limit.mjs)
// before Next.js sees the request: a server action is never called with an oversized body,
// whatever Content-Length says or omits. proxy.ts can only read the declared length.
//
// How: the body is held back until it is complete, then handed to Next.js unchanged. Holding
// costs at most the limit in memory per request (1 MB; 10 Mio for an import's CSV file, which
// its route reads whole anyway). The HTTP parser delivers a request's body by calling the
// request's push(), as for any Readable source; `http.createServer({ IncomingMessage })` is the
// documented way to supply our subclass.
import { IncomingMessage } from "node:http";
import { maxRequestBytes, tooLargeAnswer } from "../lib/security/request-body-limit.mjs";

// After a 413, the rest of the body is read and dropped so that the client, still sending,
// reads the answer instead of a reset connection; past this much, the connection is cut.
const DISCARD_MAX_BYTES = 16 * 1024 * 1024;

export class HeldBodyRequest extends IncomingMessage {
  /** @type {Buffer[]} */
  #held = [];
  #received = 0;
  #limit = Number.POSITIVE_INFINITY;
  #holding = false;
  #refused = false;
  #discarded = 0;
  /** @type {((outcome: "complete" | "too-large") => void) | null} */
  #settle = null;

  /**
   * Starts holding the body back, counting it against `limit`: resolves "complete" once the
   * whole body is here and within the limit, "too-large" as soon as it is not (the rest is
   * dropped as it arrives).
   * @param {number} limit
   * @returns {Promise<"complete" | "too-large">}
   */
  holdBody(limit) {
    this.#limit = limit;
    this.#holding = true;
    return new Promise((resolve) => {
      this.#settle = resolve;
    });
  }

  /** Drops the body as it arrives (up to DISCARD_MAX_BYTES): the request has been answered 413. */
  discardBody() {
    this.#holding = true;
    this.#refused = true;
    this.#held = [];
  }

  /** Hands the held body to whoever reads the request (Next.js), as it arrived. */
  release() {
    this.#holding = false;
    const held = this.#held;
    this.#held = [];
    for (const chunk of held) super.push(chunk);
    super.push(null);
  }

  /**
   * @param {any} chunk
   * @param {BufferEncoding} [encoding]
   * @returns {boolean}
   */
  push(chunk, encoding) {
    if (!this.#holding) return super.push(chunk, encoding);
    if (this.#refused) {
      // The end is passed on: the request completes and the connection can serve the next one.
      if (chunk === null) return super.push(null);
      this.#discarded += chunk.length;
      if (this.#discarded > DISCARD_MAX_BYTES) this.socket.destroy();
      return true;
    }
    if (chunk === null) {
      this.#settle?.("complete");
      return true;
    }
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding);
    this.#received += buffer.byteLength;
    if (this.#received > this.#limit) {
      this.discardBody();
      this.#settle?.("too-large");
      return true;
    }
    this.#held.push(buffer);
    return true;
  }
}

/**
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {string} pathname
 */
function refuse(request, response, pathname) {
  if (request instanceof HeldBodyRequest) request.discardBody();
  const { contentType, body } = tooLargeAnswer(pathname);
  response.writeHead(413, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
  response.end(body);
  // Node.js reads what is left of the body once the answer is sent; it is dropped unread above.
  request.resume();
}

/**
 * Wraps a request handler (Next.js's) so that it only ever sees bodies within the path's limit.
 * Use with `createServer({ IncomingMessage: HeldBodyRequest }, limitRequestBodies(handler))`.
 * @param {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => void} handler
 * @returns {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => void}
 */
export function limitRequestBodies(handler) {
  return (request, response) => {
    let pathname = "/";
    try {
      pathname = new URL(request.url ?? "/", "http://portail.invalid").pathname;
    } catch {
      // An unparsable target gets the default limit; Next.js answers it.
    }
    const limit = maxRequestBytes(pathname);
    const declared = request.headers["content-length"];
    if (declared !== undefined && Number(declared) > limit) {
      refuse(request, response, pathname);
      return;
    }
    // HTTP/1.1: a request has a body only with Content-Length or Transfer-Encoding.
    const hasBody = (declared !== undefined && Number(declared) > 0) || request.headers["transfer-encoding"] !== undefined;
    if (!hasBody || !(request instanceof HeldBodyRequest)) {
      handler(request, response);
      return;
    }
    void request.holdBody(limit).then((outcome) => {
      if (outcome === "too-large") {
        refuse(request, response, pathname);
        return;
      }
      request.release();
      handler(request, response);
    });
  };
}
