import type { Context, Hono } from "hono";
import { oneRosterExportResponse } from "../admin/index.ts";
import { requesterAddress } from "../audit/index.ts";
import { type ConsoleEnv, requireConsole } from "./console-env.ts";
import { CsrfField, Notice, Page } from "./layout.tsx";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const ExportsPage = (props: { csrf: string; error?: string }) => (
  <>
    {props.error && <Notice kind="error">{props.error}</Notice>}
    <form method="post" action="/console/exports/oneroster.zip" class="card narrow">
      <h2>OneRoster 1.2 CSV package</h2>
      <CsrfField token={props.csrf} />
      <label for="purpose">Purpose (recorded in the disclosure log)</label>
      <input
        id="purpose"
        name="purpose"
        required
        minlength={3}
        maxlength={200}
        placeholder="e.g. Yearly upload to the library system"
      />
      <label for="since">Only records changed since (optional; empty for everything)</label>
      <input id="since" name="since" type="date" />
      <button type="submit">Download</button>
    </form>
    <p class="hint">
      Every download is recorded with who asked, when, why and which records it held; see Audit.
    </p>
  </>
);

/** Downloads of the district's data, each recorded with the purpose given. */
export function registerExports(console: Hono<ConsoleEnv>): void {
  const page = (c: Context<ConsoleEnv>, error?: string) =>
    c.html(
      <Page title="Exports" session={c.var.session} csrf={c.var.csrf} current="exports">
        <ExportsPage csrf={c.var.csrf} {...(error ? { error } : {})} />
      </Page>,
      error ? 400 : 200,
    );

  console.get("/exports", requireConsole("exports"), (c) => page(c));

  console.post("/exports/oneroster.zip", requireConsole("exports"), async (c) => {
    const form = await c.req.parseBody();
    const purpose = typeof form.purpose === "string" ? form.purpose.trim() : "";
    const since = typeof form.since === "string" ? form.since : "";
    if (purpose.length < 3) {
      return page(
        c,
        "Say why the data is leaving (at least 3 characters): it goes in the disclosure log.",
      );
    }
    if (since && !DATE.test(since)) {
      return page(
        c,
        `'${since}' is not a date: write it as YYYY-MM-DD, or leave it empty for everything.`,
      );
    }
    const { session } = c.var;
    return oneRosterExportResponse(c.var.deps.db, {
      tenantId: session.tenantId,
      recipient: `console:${session.email}`,
      endpoint: `POST ${c.req.path}`,
      query: since ? `since=${since}` : "",
      ip: requesterAddress(c),
      since: since ? new Date(`${since}T00:00:00Z`) : undefined,
      statedPurpose: purpose,
    });
  });
}
