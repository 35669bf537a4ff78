// The signed-in account of the current request, checked against the database: a token
// whose sessionVersion is stale, or whose account is no longer active, is no session.
import "server-only";
import { cache } from "react";
import { db } from "../db";
import type { AccountRole } from "../generated/prisma/enums";
import { auth } from "./auth";

export interface Viewer {
  accountId: string;
  identifier: string;
  firstName: string;
  lastName: string;
  role: AccountRole;
  organisationId: string | null;
  organisationName: string | null;
}

export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const session = (await auth()) as { accountId?: string; sessionVersion?: number } | null;
  if (!session?.accountId) return null;
  const account = await db.account.findUnique({
    where: { id: session.accountId },
    select: {
      id: true,
      identifier: true,
      firstName: true,
      lastName: true,
      role: true,
      status: true,
      sessionVersion: true,
      organisationId: true,
      organisation: { select: { name: true } },
    },
  });
  if (!account || account.status !== "ACTIVE" || account.sessionVersion !== session.sessionVersion) return null;
  return {
    accountId: account.id,
    identifier: account.identifier,
    firstName: account.firstName,
    lastName: account.lastName,
    role: account.role,
    organisationId: account.organisationId,
    organisationName: account.organisation?.name ?? null,
  };
});
