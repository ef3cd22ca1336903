/** A parsed JSON body, or the news that it was not JSON. */
export type JsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/** Parses UTF-8 JSON without throwing. */
export function parseJson(body: Buffer): JsonResult {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}
