export function resolveClientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number): string;
export const CLIENT_ADDRESS_HEADER: "x-portail-client-address";
