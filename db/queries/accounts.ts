import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { account } from "@/db/schema";

export interface LinkedAccount {
  id: string;
  /** "credential" for the email and password, else the provider's id. */
  providerId: string;
  /** The provider's id of the person (their account id there). */
  accountId: string;
  createdAt: Date;
}

/** The ways a user signs in besides passkeys: the password and each linked provider, oldest first. */
export async function listLinkedAccounts(userId: string): Promise<LinkedAccount[]> {
  const db = await getDb();
  return db
    .select({
      id: account.id,
      providerId: account.providerId,
      accountId: account.accountId,
      createdAt: account.createdAt,
    })
    .from(account)
    .where(eq(account.userId, userId))
    .orderBy(asc(account.createdAt));
}
