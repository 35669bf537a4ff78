export const CLIENT_ADDRESS_HEADER: "x-portail-client-address";
export function resolveClientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number): string;
export function installClientAddressKey(): Buffer;
export function clientAddressKey(): Buffer | undefined;
export function signClientAddress(address: string, key: Buffer): string;
export function verifyClientAddress(value: string | null | undefined, key: Buffer | undefined): string | null;
