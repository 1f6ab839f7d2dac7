import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useMatches, useRouteError, useRouteLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Form } from "./components/form";
import { randomBytes } from "node:crypto";
import { useEffect, type ReactNode } from "react";
import stylesUrl from "./styles.css";
import { useT } from "./components/i18n";
import { useNonce } from "./components/nonce";
import { can, isAdmin } from "./modules/auth/permissions";
import { localDate } from "./modules/dates";
import { localeFor } from "./modules/i18n/i18n.server";
import { LOCALES } from "./modules/i18n/locales";
import { LANGUAGE_NAMES } from "./modules/i18n/format-words";
import { messagesFor } from "./modules/i18n/catalog.server";
import { domainsForPath, domainsKey } from "./modules/i18n/page-domains";
import { translatorOf, type MessageKey, type Messages } from "./modules/i18n/translate";
import { getAccount } from "./modules/users/users.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.ico" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = localeFor(request, context.current);
  const current = context.current;
  const account = current ? getAccount(context.db, current.user.id) : null;
  return {
    locale,
    // Only this page's domains, only in its language: no dictionary is in the scripts.
    messages: messagesFor(locale, domainsForPath(new URL(request.url).pathname)),
    // The page's part of every form's key (components/form.tsx): random, so keys never meet.
    formSeed: randomBytes(12).toString("base64url"),
    user:
      current && account
        ? {
            name: account.name,
            roles: account.grants.map((g) => ({ role: g.role, spaceName: g.spaceName })),
            admin: isAdmin(current.actor),
            /** An official with a mandate today answers for commitments: their list is a tap away. */
            official: (current.actor.mandates ?? []).some((m) => can(current.actor, "authority.answerFor", { authorityId: m.authorityId, on: localDate(context.now()) })),
          }
        : null,
  };
}

/**
 * The layout's data (language, account, this page's messages) changes only by signing in or
 * out, switching language, editing accounts, or going to a page that shows other domains;
 * other forms (a check-in at the door, a console action) leave it as it is, so it is not
 * read again after them.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, formAction, defaultShouldRevalidate }) => {
  if (domainsKey(currentUrl.pathname) !== domainsKey(nextUrl.pathname)) return true;
  if (!formMethod || formMethod.toUpperCase() === "GET" || !formAction) return defaultShouldRevalidate;
  const path = new URL(formAction, "http://makon.local").pathname;
  return /^\/(langue|connexion|deconnexion|compte|admin)(\/|$)/.test(path) ? defaultShouldRevalidate : false;
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: translatorOf(data?.messages ?? {})("app.title") }];

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  // A page that brings its own small script (the delegate's phone) loads none of Remix's.
  const hydrate = !useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  return (
    <html lang={data?.locale ?? "fr"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

function LanguageSwitch() {
  const t = useT();
  const data = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  return (
    <Form method="post" action="/langue" className="language-switch" aria-label={t("nav.language")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="lang"
          value={locale}
          lang={locale}
          aria-pressed={data?.locale === locale}
          disabled={data?.locale === locale}
        >
          {LANGUAGE_NAMES[locale]}
        </button>
      ))}
    </Form>
  );
}

function Header() {
  const t = useT();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  const firstRole = user?.roles[0];
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="bar">
        <Link to="/" className="brand">
          Makòn
        </Link>
        <nav aria-label={t("nav.main")}>
          <NavLink to="/" end>
            {t("nav.spaces")}
          </NavLink>
          <NavLink to="/geographie">{t("nav.geography")}</NavLink>
          <NavLink to="/rapports">{t("nav.reports")}</NavLink>
          {user?.official ? <NavLink to="/mes-engagements">{t("nav.myCommitments")}</NavLink> : null}
          {user?.admin ? <NavLink to="/admin/comptes">{t("nav.accounts")}</NavLink> : null}
        </nav>
        <LanguageSwitch />
        {/* On a phone the header is one line: the links and the account fold into this menu (no JS needed). */}
        <details className="phone-menu">
          <summary>
            <span aria-hidden="true">☰</span>
            <span className="visually-hidden">{t("nav.main")}</span>
          </summary>
          <div className="phone-menu-panel">
            <NavLink to="/" end>
              {t("nav.spaces")}
            </NavLink>
            <NavLink to="/geographie">{t("nav.geography")}</NavLink>
            <NavLink to="/rapports">{t("nav.reports")}</NavLink>
            {user?.official ? <NavLink to="/mes-engagements">{t("nav.myCommitments")}</NavLink> : null}
            {user?.admin ? <NavLink to="/admin/comptes">{t("nav.accounts")}</NavLink> : null}
            {user ? (
              <>
                <Link to="/compte">{user.name}</Link>
                <Form method="post" action="/deconnexion">
                  <button type="submit" className="link-button">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <Link to="/connexion">{t("nav.signIn")}</Link>
            )}
          </div>
        </details>
        <div className="account">
          {user ? (
            <>
              <Link to="/compte" className="who">
                <span className="name">{user.name}</span>
                {firstRole ? <span className="role">{[t(`role.${firstRole.role}`), firstRole.spaceName].filter(Boolean).join(" · ")}</span> : null}
              </Link>
              <Form method="post" action="/deconnexion">
                <button type="submit" className="link-button">
                  {t("nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <Link to="/connexion">{t("nav.signIn")}</Link>
          )}
        </div>
      </div>
    </header>
  );
}

export default function App() {
  const t = useT();
  // Pages such as the shared screen fill the window on their own.
  const bare = useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare);
  if (bare) return <Outlet />;
  return (
    <>
      <Header />
      <main id="main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t("footer.text")}</p>
      </footer>
    </>
  );
}

/** When even the layout's data is missing (its loader failed), the error page says it in both languages. */
/**
 * A page or its data could not be fetched for want of network (a navigation while offline,
 * a server out of reach): the browser's fetch fails with a TypeError, not an answer.
 */
function isNetworkFailure(error: unknown): boolean {
  return !isRouteErrorResponse(error) && error instanceof TypeError && /fetch|network|load failed/i.test(error.message);
}

/**
 * The page comes back by itself: as soon as the device is back online, or — when it thinks it
 * is online but the server was out of reach — at growing intervals, never more than once a minute.
 */
function ComesBackOnline() {
  useEffect(() => {
    let delay = 5_000;
    let timer: ReturnType<typeof setTimeout>;
    const reload = () => window.location.reload();
    const retry = () => {
      timer = setTimeout(() => {
        if (navigator.onLine) reload();
        else retry();
      }, delay);
      delay = Math.min(delay * 2, 60_000);
    };
    window.addEventListener("online", reload);
    retry();
    return () => {
      window.removeEventListener("online", reload);
      clearTimeout(timer);
    };
  }, []);
  return null;
}

const WITHOUT_DATA: Messages = {
  "error.page.offline": "Pas de réseau : la page reviendra d'elle-même · Pa gen rezo: paj la ap tounen poukont li",
  "error.page.notFound": "Page introuvable · Nou pa jwenn paj sa a",
  "error.page.forbidden": "Accès refusé · Ou pa gen aksè",
  "error.page.generic": "Une erreur est survenue · Gen yon erè ki fèt",
  "error.page.home": "Retour à l'accueil · Retounen nan paj dakèy la",
};

export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRouteLoaderData<typeof loader>("root");
  const fromLayout = useT();
  const t = root ? fromLayout : translatorOf(WITHOUT_DATA);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const offline = isNetworkFailure(error);
  const key: MessageKey = offline ? "error.page.offline" : status === 404 ? "error.page.notFound" : status === 403 ? "error.page.forbidden" : "error.page.generic";
  return (
    <main id="main" className="error-page">
      {offline ? <ComesBackOnline /> : null}
      <h1 role={offline ? "status" : undefined}>{t(key)}</h1>
      <p>
        <Link to="/">{t("error.page.home")}</Link>
      </p>
    </main>
  );
}
