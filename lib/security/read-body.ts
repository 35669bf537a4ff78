// Route handlers read their request body through this: the declared length may lie, or be
// absent with chunked encoding, so the bytes are counted as they arrive (SEC-9).

/** The whole body, or null as soon as more than `limit` bytes have arrived. */
export async function readBodyAtMost(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}
