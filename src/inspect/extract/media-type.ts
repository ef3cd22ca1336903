/** A Content-Type header taken apart: what extraction needs of it. */
export interface MediaType {
  /** Lower-cased type and subtype without parameters, '' when there is no header. */
  readonly type: string;
  /** The `boundary` parameter, unquoted, when there is one. */
  readonly boundary: string | undefined;
}

const NONE: MediaType = Object.freeze({ type: '', boundary: undefined });

/** Parses `multipart/form-data; boundary="x"` leniently: a malformed header still yields its type. */
export function parseMediaType(header: string | undefined): MediaType {
  if (header === undefined || header === '') return NONE;
  const semicolon = header.indexOf(';');
  const type = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  if (semicolon < 0) return { type, boundary: undefined };
  const at = header.toLowerCase().indexOf('boundary=', semicolon);
  if (at < 0) return { type, boundary: undefined };
  let value = header.slice(at + 9);
  const end = value.indexOf(';');
  value = (end < 0 ? value : value.slice(0, end)).trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  return { type, boundary: value === '' ? undefined : value };
}

/** `application/json`, `text/json`, `application/problem+json`, `application/cloudevents-batch+json`... */
export function isJsonType(type: string): boolean {
  return type.endsWith('json');
}

/** `application/xml`, `text/xml`, `application/soap+xml`... */
export function isXmlType(type: string): boolean {
  return type.endsWith('xml');
}
