// The example product's one page. Its script asks Gatehouse for a token with the browser's Gatehouse cookies
// (credentials: "include"; Gatehouse answers CORS for origins in PRODUCT_ORIGINS), then calls the product's own API
// with it as a bearer token. The cookies never leave Gatehouse's origin; the product only ever sees the token.

export function productPage(gatehouseUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Example product</title></head>
<body>
  <h1>Example product</h1>
  <p id="who" role="status">Loading…</p>
  <button id="save" type="button">Save a note</button>
  <p id="result" role="alert"></p>
  <script>
    const gatehouse = ${JSON.stringify(gatehouseUrl).replaceAll("<", "\\u003c")};
    async function token() {
      const response = await fetch(gatehouse + "/api/auth/token", { credentials: "include" });
      if (!response.ok) return null;
      return (await response.json()).token;
    }
    async function call(method, path) {
      const t = await token();
      if (!t) return { status: 401, body: { error: "not_signed_in" } };
      const response = await fetch(path, { method, headers: { authorization: "Bearer " + t } });
      return { status: response.status, body: await response.json() };
    }
    async function show() {
      const { status, body } = await call("GET", "/api/me");
      const who = document.getElementById("who");
      if (status !== 200) { who.textContent = "Not signed in to Gatehouse (" + body.error + ")."; return; }
      let text = "Signed in as " + body.user.name + " (" + body.user.email + ")";
      if (body.organization) text += " in " + body.organization.name + " as " + body.organization.role;
      if (body.impersonatedBy) text += " (impersonated by " + (body.impersonatedBy.name || body.impersonatedBy.sub) + ", read-only)";
      who.textContent = text + ".";
    }
    document.getElementById("save").addEventListener("click", async () => {
      const { status, body } = await call("POST", "/api/notes");
      document.getElementById("result").textContent =
        status === 201 ? "Note saved." : "Refused (" + status + "): " + (body.message || body.error);
    });
    show();
  </script>
</body>
</html>`;
}
