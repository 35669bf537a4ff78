import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendBytes } from "../lib/testing/send-bytes";
import { HeldBodyRequest, limitRequestBodies } from "./limit-request-body.mjs";
import { DEFAULT_BODY_LIMIT, IMPORT_FILE_MAX_BYTES, IMPORT_UPLOAD_PATH, maxRequestBytes } from "../lib/security/request-body-limit.mjs";

// The production server's wrapper around Next.js, with a stand-in for Next.js that records
// every request it is given and answers the length of the body it read.
const reached: string[] = [];
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(
    { IncomingMessage: HeldBodyRequest },
    limitRequestBodies(async (request, response) => {
      reached.push(`${request.method} ${request.url}`);
      let size = 0;
      for await (const chunk of request) size += (chunk as Buffer).byteLength;
      response.end(JSON.stringify({ size }));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Sent {
  path: string;
  bytes: number;
  /** Without Content-Length: Transfer-Encoding: chunked, in 64 kB chunks. */
  chunked?: boolean;
  headers?: Record<string, string>;
}

/** Sends a body of `bytes` bytes to the wrapped stand-in. */
function send({ path, bytes, chunked = false, headers = {} }: Sent) {
  return sendBytes(new URL(path, `http://127.0.0.1:${port}`), bytes, { chunked, headers });
}

const ACTION = { "Next-Action": "7f0000000000000000000000000000000000000000", "Content-Type": "text/plain;charset=UTF-8" };

describe("SEC-9 request bodies are counted as they arrive, not trusted from Content-Length", () => {
  it("refuses a chunked 5 MB server-action POST to /connexion with 413; the action is never reached", async () => {
    reached.length = 0;
    const answer = await send({ path: "/connexion", bytes: 5 * 1024 * 1024, chunked: true, headers: ACTION });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("Requête trop volumineuse");
    expect(reached).toEqual([]);
  });

  it("refuses a 1.5 MB action body, declared or chunked; 1 MB passes whole", async () => {
    reached.length = 0;
    expect((await send({ path: "/connexion", bytes: 1.5 * 1024 * 1024, headers: ACTION })).status).toBe(413);
    expect((await send({ path: "/aide/assistance", bytes: 1.5 * 1024 * 1024, chunked: true, headers: ACTION })).status).toBe(413);
    expect(reached).toEqual([]);
    const within = await send({ path: "/connexion", bytes: DEFAULT_BODY_LIMIT, chunked: true, headers: ACTION });
    expect(within.status).toBe(200);
    expect(JSON.parse(within.body)).toEqual({ size: DEFAULT_BODY_LIMIT });
    expect(reached).toEqual(["POST /connexion"]);
  });

  it("lets the import route receive a file of exactly 10 Mio, and refuses one byte more in French JSON", async () => {
    reached.length = 0;
    const exact = await send({ path: `${IMPORT_UPLOAD_PATH}?organisation=x`, bytes: IMPORT_FILE_MAX_BYTES, chunked: true, headers: { "Content-Type": "text/csv" } });
    expect(JSON.parse(exact.body)).toEqual({ size: IMPORT_FILE_MAX_BYTES });
    const over = await send({ path: IMPORT_UPLOAD_PATH, bytes: IMPORT_FILE_MAX_BYTES + 1, chunked: true, headers: { "Content-Type": "text/csv" } });
    expect(over.status).toBe(413);
    expect(over.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(over.body).message).toBe("Le fichier dépasse la taille maximale de 10 Mo : découpez-le en plusieurs fichiers.");
    expect(reached).toEqual([`POST ${IMPORT_UPLOAD_PATH}?organisation=x`]);
  });

  it("limits every path to 1 MB but the import route", () => {
    expect(maxRequestBytes(IMPORT_UPLOAD_PATH)).toBe(IMPORT_FILE_MAX_BYTES);
    expect(maxRequestBytes(`${IMPORT_UPLOAD_PATH}/`)).toBe(IMPORT_FILE_MAX_BYTES);
    for (const path of ["/connexion", "/administration/imports", "/operateur/organisations/x/imports", "/api/imports/abc/progress", "/api/v1/figures"]) {
      expect(maxRequestBytes(path)).toBe(DEFAULT_BODY_LIMIT);
    }
  });
});
