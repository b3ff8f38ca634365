// Reads a JSON request body without trusting Content-Length: the stream is read chunk by chunk and
// abandoned as soon as it passes the cap (a chunked upload has no length to check up front).
// JSON bodies must say so: a form post from another site cannot reach a JSON handler.
import { HttpError, badRequest } from "../errors";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const tooLarge = (limit: number) => new HttpError(413, `request body is larger than ${limit} bytes`);

export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return {};
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    // Nothing sent at all is fine (an action without options); anything else must be JSON.
    if (!type && declared === 0 && (await isEmpty(request.body))) return {};
    throw new HttpError(415, "send the request body as JSON (Content-Type: application/json)");
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("request body must be JSON");
  }
}

async function isEmpty(body: ReadableStream<Uint8Array>): Promise<boolean> {
  const reader = body.getReader();
  const { done, value } = await reader.read();
  await reader.cancel().catch(() => {});
  return done || value.byteLength === 0;
}
