import { describe, expect, it } from "vitest";
import { profileSchema } from "./account";
import { signUpSchema } from "./auth";
import { createOrganizationSchema, teamNameSchema } from "./organization";
import { hasUnsafeCharacters, oneLine, paragraphs, personNameSchema, UNSAFE_TEXT_MESSAGE } from "./text";
import { createUserSchema } from "./users";

describe("names", () => {
  it.each([
    ["\u202a", "LRE"],
    ["\u202b", "RLE"],
    ["\u202c", "PDF"],
    ["\u202d", "LRO"],
    ["\u202e", "RLO"],
    ["\u2066", "LRI"],
    ["\u2067", "RLI"],
    ["\u2068", "FSI"],
    ["\u2069", "PDI"],
    ["\u200e", "LRM"],
    ["\u200f", "RLM"],
    ["\u061c", "ALM"],
    ["\u0000", "NUL"],
    ["\u0007", "BEL"],
    ["\t", "tab"],
    ["\n", "LF"],
    ["\r", "CR"],
    ["\u001b", "ESC"],
    ["\u007f", "DEL"],
    ["\u0085", "NEL"],
    ["\u2028", "line separator"],
    ["\u200b", "zero-width space"],
    ["\ufeff", "BOM"],
  ])("refuses %j (%s) with a clear message", (character) => {
    const result = personNameSchema.safeParse(`Ada${character}Lovelace`);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(UNSAFE_TEXT_MESSAGE);
  });

  it("keeps letters of every script, emoji sequences and zero-width joiners", () => {
    for (const name of ["Zoë Ångström", "محمد علي", "שלום", "李小龙", "👩‍💻 Dev", "मनीष", "O'Brien-Smith"]) {
      expect(personNameSchema.safeParse(name).success, name).toBe(true);
      expect(hasUnsafeCharacters(name), name).toBe(false);
    }
  });

  it("normalizes to NFC with single spaces and checks the length after that", () => {
    expect(personNameSchema.parse("  Ade\u0301le \u00a0 Martin  ")).toBe("Ad\u00e9le Martin");
    expect(personNameSchema.safeParse(`${" ".repeat(50)}${"a".repeat(100)}${" ".repeat(50)}`).success).toBe(true);
    expect(personNameSchema.safeParse("a".repeat(101)).error?.issues[0]?.message).toBe("Use at most 100 characters.");
    expect(personNameSchema.safeParse("   ").error?.issues[0]?.message).toBe("Enter a name.");
  });

  it("applies to every form that takes a name", () => {
    const evil = "Eve\u202enimda";
    expect(signUpSchema.safeParse({ name: evil, email: "a@b.test", password: "password-1" }).success).toBe(false);
    expect(profileSchema.safeParse({ name: evil, image: "" }).success).toBe(false);
    expect(
      createUserSchema.safeParse({ name: evil, email: "a@b.test", role: "user", passwordMode: "link" }).success,
    ).toBe(false);
    expect(createOrganizationSchema.safeParse({ name: evil, slug: "eve" }).success).toBe(false);
    expect(teamNameSchema.safeParse({ name: evil }).success).toBe(false);
    expect(
      signUpSchema.safeParse({ name: "x".repeat(10_000), email: "a@b.test", password: "password-1" }).error?.issues[0],
    ).toMatchObject({ path: ["name"], message: "Use at most 100 characters." });
    expect(createOrganizationSchema.parse({ name: " Acme   Corp ", slug: "acme" }).name).toBe("Acme Corp");
  });
});

describe("text for mail", () => {
  it("makes one safe line of a hostile name", () => {
    expect(oneLine("Eve\r\nBcc: victim@example.test")).toBe("Eve Bcc: victim@example.test");
    expect(oneLine("Acme\u202egnp.exe\u2066")).toBe("Acme gnp.exe");
  });

  it("keeps the lines of a reason, and nothing else unsafe", () => {
    expect(paragraphs("First line\r\nSecond\u202e line\u0007 ")).toBe("First line\nSecond  line");
  });
});
