// Tests of the body limits (SEC-9) send a body of a given size, chunked or with its length
// declared, and read the answer as soon as it comes, even mid-upload.
import { request as httpRequest, type IncomingMessage } from "node:http";

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

export function sendBytes(url: URL, bytes: number, options: { chunked?: boolean; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
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
