/** A QR code drawn by the server (`meetings/qr-code.server.ts`), with its quiet zone. */
export function QrCodeSvg({ qr, label, className }: { qr: { size: number; path: string }; label: string; className?: string }) {
  const side = qr.size + 8;
  return (
    <svg className={className ?? "qr-code"} viewBox={`-4 -4 ${side} ${side}`} role="img" aria-label={label} shapeRendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect x={-4} y={-4} width={side} height={side} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
