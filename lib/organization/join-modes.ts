// The join modes of a verified domain and what each needs, free of the domain list so forms can use them.

export const JOIN_MODES = ["off", "suggest", "automatic"] as const;
export type JoinMode = (typeof JOIN_MODES)[number];

export const JOIN_MODE_LABELS: Record<JoinMode, string> = {
  off: "Off",
  suggest: "Suggest: people ask to join, an admin approves",
  automatic: "Automatic: people join with the default role",
};

export interface DomainProofs {
  affiliationVerifiedAt: Date | null;
  ownershipVerifiedAt: Date | null;
}

/** What a join mode needs: "suggest" a proven affiliation (or ownership), "automatic" proven ownership. */
export function joinModeRefusal(mode: JoinMode, proofs: DomainProofs): string | null {
  if (mode === "automatic" && !proofs.ownershipVerifiedAt) {
    return "Automatic joining needs the DNS record: verify ownership of the domain first.";
  }
  if (mode === "suggest" && !proofs.ownershipVerifiedAt && !proofs.affiliationVerifiedAt) {
    return "Verify the domain (by email code or DNS record) before suggesting the organization.";
  }
  return null;
}

/** The domain of an address ("ada@Acme.com" → "acme.com"). */
export function domainOfEmail(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}
