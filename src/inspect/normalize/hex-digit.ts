/** The value of the hex digit with this char code (`0-9`, `a-f`, `A-F`), or -1 when it is not one. */
export function hexDigitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}
