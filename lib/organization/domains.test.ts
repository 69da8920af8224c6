import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DohResolver, startDohResolver } from "@/scripts/doh-resolver";
import { DnsLookupError, dohResolver, txtValue } from "./dns";
import { hasVerificationRecord, isFreeMailDomain, joinModeRefusal, normalizeDomain } from "./domains";

describe("domain names", () => {
  it("takes a domain as people type it and refuses what is not one", () => {
    expect(normalizeDomain(" @Acme.COM. ")).toBe("acme.com");
    expect(normalizeDomain("https://sub.acme.co.uk/path?q")).toBe("sub.acme.co.uk");
    expect(normalizeDomain("xn--bcher-kva.example")).toBe("xn--bcher-kva.example");
    for (const bad of ["", "acme", "acme.", "-acme.com", "acme-.com", "ac me.com", "acme.c0m", "127.0.0.1", "a..com"]) {
      expect(normalizeDomain(bad), bad).toBeNull();
    }
    expect(normalizeDomain(`${"a".repeat(64)}.com`)).toBeNull();
  });

  it("refuses free-mail and disposable providers, and their subdomains, from the shipped list", () => {
    for (const free of ["gmail.com", "outlook.com", "yahoo.com", "mailinator.com", "eu.mailinator.com", "proton.me"]) {
      expect(isFreeMailDomain(free), free).toBe(true);
    }
    expect(isFreeMailDomain("acme-industries.test")).toBe(false);
    expect(isFreeMailDomain("com")).toBe(false);
  });

  it("says what each join mode needs", () => {
    const none = { affiliationVerifiedAt: null, ownershipVerifiedAt: null };
    const mailed = { affiliationVerifiedAt: new Date(), ownershipVerifiedAt: null };
    const dns = { affiliationVerifiedAt: null, ownershipVerifiedAt: new Date() };
    expect(joinModeRefusal("off", none)).toBeNull();
    expect(joinModeRefusal("suggest", none)).toMatch(/Verify the domain/);
    expect(joinModeRefusal("suggest", mailed)).toBeNull();
    expect(joinModeRefusal("automatic", mailed)).toMatch(/needs the DNS record/);
    expect(joinModeRefusal("automatic", dns)).toBeNull();
  });
});

describe("TXT lookups over DNS-over-HTTPS", () => {
  let resolver: DohResolver;
  beforeAll(async () => {
    resolver = await startDohResolver();
  });
  afterAll(async () => {
    await resolver.close();
  });

  async function publish(name: string, txt: string[]) {
    await fetch(resolver.url.replace("/dns-query", "/records"), { method: "PUT", body: JSON.stringify({ name, txt }) });
  }

  it("reads the records a resolver answers, joins split strings, and finds the verification record", async () => {
    await publish("acme.test", ["v=spf1 -all", "gatehouse-verification=abc123"]);
    const txt = await dohResolver(resolver.url).txt("acme.test");
    expect(txt).toEqual(["v=spf1 -all", "gatehouse-verification=abc123"]);
    expect(hasVerificationRecord(txt, "abc123")).toBe(true);
    expect(hasVerificationRecord(txt, "abc12")).toBe(false);
    expect(txtValue('"gatehouse-" "verification=x"')).toBe("gatehouse-verification=x");
    expect(await dohResolver(resolver.url).txt("nothing-here.test")).toEqual([]);
  });

  it("reports a resolver that fails or cannot be reached", async () => {
    const failing = dohResolver("http://resolver.invalid/dns-query", async () => Response.json({ Status: 2 }));
    await expect(failing.txt("acme.test")).rejects.toBeInstanceOf(DnsLookupError);
    const down = dohResolver("http://127.0.0.1:9/dns-query");
    await expect(down.txt("acme.test")).rejects.toBeInstanceOf(DnsLookupError);
  });
});
