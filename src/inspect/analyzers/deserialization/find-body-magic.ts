import type { Hit } from './hit.js';

const MAX_SCAN = 64 * 1024;
const BINARY_FORMATTER = [0x00, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff];
const PICKLE_MODULES = ['posix', 'subprocess', 'builtins', '__builtin__', 'commands', 'os\n', 'nt\n'];

function hex(bytes: Uint8Array, at: number): string {
  return [...bytes.subarray(at, at + 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

function latin1(bytes: Uint8Array, end: number): string {
  let s = '';
  for (let i = 0; i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/**
 * Serialized objects sent as raw bytes, which text extraction cannot keep: the Java stream magic
 * `AC ED 00 05` anywhere in the first 64 KiB, a .NET BinaryFormatter header or a binary pickle at the start.
 */
export function findBodyMagic(body: Uint8Array): Hit | undefined {
  const end = Math.min(body.length, MAX_SCAN);
  for (let i = body.indexOf(0xac); i >= 0 && i + 3 < end; i = body.indexOf(0xac, i + 1)) {
    if (body[i + 1] === 0xed && body[i + 2] === 0x00 && body[i + 3] === 0x05)
      return { rule: 'java-serialized', confidence: 1, evidence: hex(body, i) };
  }
  if (end >= BINARY_FORMATTER.length && BINARY_FORMATTER.every((b, i) => body[i] === b))
    return { rule: 'dotnet-serialized', confidence: 0.9, evidence: hex(body, 0) };
  if (end >= 2 && body[0] === 0x80 && body[1]! >= 2 && body[1]! <= 5) {
    const text = latin1(body, Math.min(end, 4096));
    const armed = PICKLE_MODULES.some((m) => text.includes(m));
    return { rule: 'python-pickle', confidence: armed ? 1 : 0.6, evidence: hex(body, 0) };
  }
  return undefined;
}
