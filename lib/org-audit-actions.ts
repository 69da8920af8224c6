// The audit actions an organization's own log shows (written by lib/auth/plugins/organization-policy.ts and our
// actions), with the words the log uses for them. No server code: the audit table's filter uses it in the browser.

export const ORG_AUDIT_ACTIONS = {
  "organization.create": "Created the organization",
  "organization.update": "Updated the organization",
  "member.remove": "Removed a member",
  "member.role.update": "Changed a role",
  "ownership.transfer": "Transferred ownership",
  "organization.owner.make": "An operator made a member owner",
  "invitation.create": "Invited",
  "invitation.resend": "Resent an invitation",
  "invitation.cancel": "Cancelled an invitation",
  "invitation.reassign": "Handed invitations to an owner (their sender was deleted)",
  "invitation.role.change": "Changed an invitation's role",
  "invitation.accept": "Accepted an invitation",
  "invitation.reject": "Declined an invitation",
  "team.create": "Created a team",
  "team.update": "Renamed a team",
  "team.delete": "Deleted a team",
  "team.member.add": "Added to a team",
  "team.member.remove": "Removed from a team",
  "role.create": "Created a role",
  "role.update": "Changed a role's permissions",
  "role.delete": "Deleted a role",
  "organization.policy.update": "Changed the security policy",
  "organization.two_factor.remind": "Reminded a member to set up two-factor",
  "domain.add": "Added a domain",
  "domain.remove": "Removed a domain",
  "domain.affiliation.code_send": "Sent a domain verification code",
  "domain.affiliation.verify": "Verified a domain by email",
  "domain.ownership.verify": "Verified a domain by DNS",
  "domain.join_mode.update": "Changed a domain's join mode",
  "member.join.domain": "Joined through a verified domain",
  "join_request.create": "Asked to join",
  "join_request.approve": "Approved a request to join",
  "join_request.refuse": "Refused a request to join",
  "invitation.bulk": "Sent invitations in bulk",
  "apikey.create": "Created an API key",
  "apikey.revoke": "Revoked an API key",
  "member.list": "Listed members (API)",
  "invitation.list": "Listed invitations (API)",
  "audit.read": "Read the audit log (API)",
} as const;

export type OrgAuditAction = keyof typeof ORG_AUDIT_ACTIONS;
export const ORG_AUDIT_ACTION_NAMES = Object.keys(ORG_AUDIT_ACTIONS) as OrgAuditAction[];

/** The log's words for an action (the action itself when unknown). */
export function describeAuditAction(action: string): string {
  return (ORG_AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
