import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

// The quiet zone around the code, in modules, as the standard asks.
const QUIET = 4;

/** A QR code of `text`, as an SVG path of its dark modules (no canvas, no inline style). */
export function QrCode({ text, label }: { readonly text: string; readonly label: string }) {
  const { size, path } = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const count = qr.getModuleCount();
    let d = '';
    for (let row = 0; row < count; row++)
      for (let col = 0; col < count; col++) if (qr.isDark(row, col)) d += `M${col},${row}h1v1h-1z`;
    return { size: count, path: d };
  }, [text]);
  const box = size + QUIET * 2;
  return (
    <svg className="qr" viewBox={`${-QUIET} ${-QUIET} ${box} ${box}`} role="img" aria-label={label}>
      <rect className="qr-light" x={-QUIET} y={-QUIET} width={box} height={box} />
      <path className="qr-dark" d={path} />
    </svg>
  );
}
