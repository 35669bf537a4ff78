// The QR code of an authenticator-app key, drawn on the server as SVG (`qrcode`) and shown as
// an <img src="data:…"> (the Content-Security-Policy allows data: images): no script, and the
// key never goes to a third-party QR service.
import "server-only";
import QRCode from "qrcode";

export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}
