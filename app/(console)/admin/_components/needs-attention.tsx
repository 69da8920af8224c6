import Link from "next/link";
import { needsAttention } from "@/db/queries/needs-attention";

/** "Needs attention" on /admin: four capped counts, each a link to the closest filtered list. */
export async function NeedsAttention() {
  const counts = await needsAttention();
  const items = [
    { label: "Locked accounts", value: counts.locked, href: "/admin/users" },
    {
      label: "Unverified for over a week",
      value: counts.unverified,
      href: "/admin/users?verified=no&sort=createdAt.asc",
    },
    { label: "Bans ending within a day", value: counts.bansEnding, href: "/admin/users?status=banned" },
    { label: "Operators without two-factor", value: counts.operatorsWithoutTwoFactor, href: "/admin/users?role=admin" },
  ];
  return (
    <section aria-labelledby="attention-heading" className="mt-8 grid max-w-4xl gap-3">
      <h2 id="attention-heading" className="font-semibold text-lg">
        Needs attention
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2">
        {items.map((item) => (
          <li key={item.label}>
            <Link
              href={item.href}
              className="flex items-center justify-between rounded-lg border px-4 py-3 text-sm hover:bg-muted/50"
            >
              <span>{item.label}</span>
              <span className="font-semibold tabular-nums">
                {item.value.n.toLocaleString("en-US")}
                {item.value.more ? "+" : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
