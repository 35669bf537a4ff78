// Runs before every page and route (Next.js 16 "proxy", formerly middleware): bodies larger
// than the path allows are refused unread (SEC-1), and a fresh nonce is drawn for the
// Content-Security-Policy (SEC-4). Next.js reads the policy from the request headers to
// put the nonce on its inline scripts; the browser gets the same policy on the response.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "./lib/security/content-security-policy";
import { maxRequestBytes } from "./lib/security/request-body-limit";

export function proxy(request: NextRequest) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxRequestBytes(request.nextUrl.pathname)) {
    return new NextResponse("Requête trop volumineuse.", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV !== "production" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Static files carry no script to protect; everything else gets its own nonce.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
