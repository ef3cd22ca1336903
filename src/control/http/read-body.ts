import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** A request body as text, with the media type it was sent as. */
export interface BodyText {
  readonly mediaType: string;
  readonly text: string;
}

/**
 * Reads a request body of at most `limit` bytes as UTF-8. Over the limit is 413 (the rest is not read);
 * a body that is not valid UTF-8 is 400.
 */
export async function readBodyText(req: IncomingMessage, limit: number): Promise<BodyText> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > limit) throw new HttpError(413, `the body is over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw new HttpError(413, `the body is over ${limit} bytes`);
    }
    chunks.push(chunk);
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  try {
    return { mediaType, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    throw new HttpError(400, 'the body is not valid UTF-8');
  }
}

/** Reads a JSON object body; anything else (another media type, bad JSON, an array) is refused clearly. */
export async function readJsonObject(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const body = await readBodyText(req, limit);
  if (body.text === '') return {};
  if (body.mediaType !== 'application/json') throw new HttpError(415, 'send the body as application/json');
  let value: unknown;
  try {
    value = JSON.parse(body.text);
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new HttpError(400, 'the body must be a JSON object');
  return value as Record<string, unknown>;
}
