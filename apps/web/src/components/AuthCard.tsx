import { Link } from '@gravity-ui/uikit';
import type { FormEvent, ReactNode } from 'react';
import { useNavigate } from 'react-router';

/** The frame of the pages a person sees before signing in: one card, a heading, a link back. */
export function AuthCard({
  id,
  title,
  onSubmit,
  link,
  children,
}: {
  id: string;
  title: string;
  onSubmit: () => void;
  link: { to: string; text: string };
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby={id}>
        <div className="app-header__logo">Ориентир</div>
        <h1 id={id} className="g-text g-text_variant_header-1">
          {title}
        </h1>
        {children}
        <Link
          href={link.to}
          onClick={(e) => {
            e.preventDefault();
            void navigate(link.to);
          }}
        >
          {link.text}
        </Link>
      </form>
    </div>
  );
}

/** A labelled control: the label names the control for screen readers and tests. */
export function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <span className="muted">{hint}</span>}
    </div>
  );
}
