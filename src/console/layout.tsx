import type { Child } from "hono/jsx";
import { type ConsoleArea, mayOpen } from "./console-env.ts";
import type { ConsoleSession } from "./sessions.ts";

const NAV: { area: ConsoleArea; href: string; label: string }[] = [
  { area: "upload", href: "/console/upload", label: "Upload" },
  { area: "reports", href: "/console/imports", label: "History" },
  { area: "exports", href: "/console/exports", label: "Exports" },
  { area: "clients", href: "/console/clients", label: "API clients" },
  { area: "audit", href: "/console/audit", label: "Audit" },
];

/** The first page a role may open, where signing in leads. */
export const homeOf = (session: ConsoleSession) =>
  NAV.find((item) => mayOpen(session.role, item.area))?.href ?? "/console/imports";

/** A hidden field carrying the session's anti-forgery token. */
export const CsrfField = ({ token }: { token: string }) => (
  <input type="hidden" name="_csrf" value={token} />
);

/** Every console page: skip link, header with who is signed in, navigation, main content. */
export function Page(props: {
  title: string;
  session?: ConsoleSession | undefined;
  csrf?: string | undefined;
  current?: ConsoleArea;
  children: Child;
}) {
  const { session, csrf } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · TSA Coach Gateway console`}</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/console.js" defer />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <span class="brand">TSA Coach Gateway</span>
          {session && csrf && (
            <div class="who">
              <span>
                {session.email} · {session.role} · district <strong>{session.tenantSlug}</strong>
              </span>
              <form method="post" action="/console/sign-out">
                <CsrfField token={csrf} />
                <button type="submit" class="link">
                  Sign out
                </button>
              </form>
            </div>
          )}
        </header>
        {session && (
          <nav aria-label="Console">
            <ul>
              {NAV.filter((item) => mayOpen(session.role, item.area)).map((item) => (
                <li>
                  <a
                    href={item.href}
                    aria-current={item.area === props.current ? "page" : undefined}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" tabindex={-1}>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A message people must notice: an error (role=alert) or a confirmation (role=status). */
export const Notice = (props: { kind: "error" | "ok"; children: Child }) => (
  <p class={`notice ${props.kind}`} role={props.kind === "error" ? "alert" : "status"}>
    {props.children}
  </p>
);
