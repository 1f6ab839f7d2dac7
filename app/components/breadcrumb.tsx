import { Link } from "@remix-run/react";
import { Fragment } from "react";
import { useT } from "./i18n";

/** Where this page sits: the pages above it, most general first. */
export function Breadcrumb({ trail }: { trail: readonly { to: string; label: string }[] }) {
  const t = useT();
  return (
    <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
      {trail.map((step, index) => (
        <Fragment key={step.to}>
          {index > 0 ? " › " : null}
          <Link to={step.to}>{step.label}</Link>
        </Fragment>
      ))}
    </nav>
  );
}
