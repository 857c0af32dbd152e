import type { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { type ConsoleEnv, overHttps, requireConsole, SESSION_COOKIE } from "./console-env.ts";
import { homeOf, Notice, Page } from "./layout.tsx";
import { SESSION_HOURS, signIn, signOut } from "./sessions.ts";

const SignInPage = (props: { error?: string; tenant?: string; email?: string }) => (
  <Page title="Sign in">
    {props.error && <Notice kind="error">{props.error}</Notice>}
    <form method="post" action="/console/sign-in" class="card narrow">
      <label for="tenant">District (tenant)</label>
      <input
        id="tenant"
        name="tenant"
        required
        autocomplete="organization"
        value={props.tenant ?? ""}
      />
      <label for="email">Email</label>
      <input
        id="email"
        name="email"
        type="email"
        required
        autocomplete="username"
        value={props.email ?? ""}
      />
      <label for="password">Password</label>
      <input
        id="password"
        name="password"
        type="password"
        required
        autocomplete="current-password"
      />
      <button type="submit">Sign in</button>
    </form>
    <p class="hint">
      An operator creates console users with{" "}
      <code>npx tsa-gateway users create --tenant &lt;slug&gt; --email &lt;email&gt;</code>.
    </p>
  </Page>
);

const field = (form: Record<string, unknown>, name: string) =>
  typeof form[name] === "string" ? (form[name] as string) : "";

/** /console/sign-in and /console/sign-out. */
export function registerSignIn(console: Hono<ConsoleEnv>): void {
  console.get("/", requireConsole("reports"), (c) => c.redirect(homeOf(c.var.session), 303));

  console.get("/sign-in", (c) => c.html(<SignInPage />));

  console.post("/sign-in", async (c) => {
    const form = await c.req.parseBody();
    const input = {
      tenant: field(form, "tenant"),
      email: field(form, "email"),
      password: field(form, "password"),
    };
    if (!input.tenant || !input.email || !input.password) {
      return c.html(
        <SignInPage {...input} error="Fill in the district, your email and your password." />,
        400,
      );
    }
    const result = await signIn(c.var.deps.db, input);
    if (result.outcome === "throttled") {
      c.header("retry-after", String(result.retryAfterMinutes * 60));
      return c.html(
        <SignInPage
          {...input}
          error={`Too many failed sign-ins for this account. Wait ${result.retryAfterMinutes} minutes, then try again, or ask an admin to check the account.`}
        />,
        429,
      );
    }
    if (result.outcome === "refused") {
      return c.html(
        <SignInPage
          {...input}
          error="The district, email or password is not right. Check them and try again."
        />,
        401,
      );
    }
    setCookie(c, SESSION_COOKIE, result.cookie, {
      httpOnly: true,
      secure: overHttps(c),
      sameSite: "Strict",
      path: "/console",
      maxAge: SESSION_HOURS * 3600,
    });
    return c.redirect(homeOf(result.session), 303);
  });

  console.post("/sign-out", requireConsole("reports"), async (c) => {
    await signOut(c.var.deps.db, c.var.session);
    deleteCookie(c, SESSION_COOKIE, { path: "/console" });
    return c.redirect("/console/sign-in", 303);
  });
}
