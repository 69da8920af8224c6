import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { listMembersWithoutTwoFactor } from "@/db/queries/organization-policy";
import { requireOrg } from "@/lib/auth/guard";
import { AVAILABLE_TWO_FACTOR_METHODS } from "@/lib/auth/sign-in-methods";
import { policyOf } from "@/lib/organization/two-factor-policy";
import { ComplianceCard } from "./_components/compliance-card";
import { SecurityPolicyForm } from "./_components/security-policy-form";

export const metadata: Metadata = { title: "Security policy" };

interface SecurityPageProps {
  params: Promise<{ slug: string }>;
}

export default async function SecurityPage({ params }: SecurityPageProps) {
  const { org, policy: row } = await requireOrg((await params).slug, "security");
  const policy = policyOf(row);
  const members = await listMembersWithoutTwoFactor(org.id, policy);
  return (
    <>
      <PageHeader title="Security" description={`What ${org.name} requires of its members' sign-ins.`} />
      <div className="grid max-w-3xl gap-6">
        <SecurityPolicyForm
          slug={org.slug}
          policy={{
            requireTwoFactor: policy.required,
            gracePeriodDays: policy.gracePeriodDays,
            methods: policy.methods,
          }}
          available={AVAILABLE_TWO_FACTOR_METHODS}
        />
        {policy.required ? <ComplianceCard slug={org.slug} members={members} now={new Date()} /> : null}
      </div>
    </>
  );
}
