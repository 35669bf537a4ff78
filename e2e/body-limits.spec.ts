import { expect, test } from "@playwright/test";
import { sendBytes } from "../lib/testing/send-bytes";

/** Sends `bytes` bytes to the production server, chunked or declared. */
function send(baseURL: string, path: string, bytes: number, options: { chunked: boolean; headers?: Record<string, string> }) {
  return sendBytes(new URL(path, baseURL), bytes, options);
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
