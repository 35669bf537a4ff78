// Runs before every page and route (Next.js 16 "proxy", formerly middleware): bodies declared
// larger than the path allows are refused unread (SEC-1; the production server also counts the
// bytes actually received, chunked or not: scripts/limit-request-body.mjs), and a fresh nonce
// is drawn for the Content-Security-Policy (SEC-4). Next.js reads the policy from the request headers to
// put the nonce on its inline scripts; the browser gets the same policy on the response.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "./lib/security/content-security-policy";
import { maxRequestBytes, tooLargeAnswer } from "./lib/security/request-body-limit.mjs";

export function proxy(request: NextRequest) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxRequestBytes(request.nextUrl.pathname)) {
    const { contentType, body } = tooLargeAnswer(request.nextUrl.pathname);
    return new NextResponse(body, { status: 413, headers: { "Content-Type": contentType } });
  }
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV !== "production" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Static files (Next's and those of public/) carry no script to protect; everything else
  // gets its own nonce. The headers of next.config.mjs still apply to them.
  matcher: [
    {
      source:
        "/((?!_next/static|_next/image|favicon.ico|favicon.svg|apple-touch-icon.png|icon-192.png|icon-512.png|robots.txt|manifest.webmanifest).*)",
    },
  ],
};
