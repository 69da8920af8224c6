import { describe, expect, it } from "vitest";
import { inviteMembersSchema, parseEmailList, slugify } from "./organization";

describe("parseEmailList", () => {
  it("takes addresses in any shape, once each, lowercased", () => {
    expect(parseEmailList("Ada@Example.com, grace@example.com;\nada@example.com  linus@example.com")).toEqual({
      valid: ["ada@example.com", "grace@example.com", "linus@example.com"],
      invalid: [],
    });
  });

  it("reads display names around addresses", () => {
    expect(parseEmailList('Ada Lovelace <ada@example.com>, "Hopper, Grace" <grace@example.com>')).toEqual({
      valid: ["ada@example.com", "grace@example.com"],
      invalid: [],
    });
  });

  it("reports what is not an address", () => {
    expect(parseEmailList("ada@example.com not-an-address").invalid).toEqual(["not-an-address"]);
    const result = inviteMembersSchema.safeParse({ emails: "ada@example.com nope", role: "member", teamId: "none" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Not an email address: nope");
  });
});

describe("slugify", () => {
  it("derives a slug from a name", () => {
    expect(slugify("Acme Corp!")).toBe("acme-corp");
    expect(slugify("  Café  Crème  ")).toBe("cafe-creme");
    expect(slugify("<b>Evil</b> & Co")).toBe("b-evil-b-co");
  });
});
