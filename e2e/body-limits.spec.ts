import { request as httpRequest, type IncomingMessage } from "node:http";
import { expect, test } from "@playwright/test";

/** Sends `bytes` bytes to the production server, chunked or declared; resolves with the answer even mid-upload. */
function send(baseURL: string, path: string, bytes: number, options: { chunked: boolean; headers?: Record<string, string> }) {
  const url = new URL(path, baseURL);
  return new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
    const request = httpRequest(url, {
      method: "POST",
      headers: { ...options.headers, ...(options.chunked ? {} : { "Content-Length": String(bytes) }) },
    });
    // The answer may come mid-upload: the server drops the rest of a refused body, so the
    // connection is not reset under the client (which would fail the write before the answer).
    let answered = false;
    request.on("response", (response: IncomingMessage) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, contentType: String(response.headers["content-type"]), body: Buffer.concat(chunks).toString("utf8") });
        request.destroy();
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let left = bytes;
    const write = () => {
      while (left > 0) {
        const size = Math.min(left, chunk.byteLength);
        left -= size;
        if (!request.write(chunk.subarray(0, size))) return void request.once("drain", write);
      }
      request.end();
    };
    write();
  });
}

test.describe("SEC-9 request bodies are counted by the production server", () => {
  const action = { "Next-Action": "7f0000000000000000000000000000000000000000", "Content-Type": "text/plain;charset=UTF-8" };

  test("a chunked 5 MB server-action POST to /connexion and a declared 1.5 MB one are refused with 413", async ({ baseURL }) => {
    const chunked = await send(baseURL!, "/connexion", 5 * 1024 * 1024, { chunked: true, headers: action });
    expect(chunked.status).toBe(413);
    expect(chunked.body).toContain("Requête trop volumineuse");
    const declared = await send(baseURL!, "/connexion", 1.5 * 1024 * 1024, { chunked: false, headers: action });
    expect(declared.status).toBe(413);
  });

  test("an 11 MB file sent chunked to the import route is refused with 413 in French", async ({ baseURL }) => {
    const answer = await send(baseURL!, "/api/imports?nom=gros.csv", 11 * 1024 * 1024, { chunked: true, headers: { "Content-Type": "text/csv" } });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).message).toBe("Le fichier dépasse la taille maximale de 10 Mo : découpez-le en plusieurs fichiers.");
  });
});
