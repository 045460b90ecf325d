import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A page: its one h1, optional actions beside it, and the document title. */
export function Page({ title, actions, children, lead }: { title: string; actions?: ReactNode; lead?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
  }, [title, t]);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <h1 id="page-title">{title}</h1>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </header>
      {lead ? <p className="page__lead">{lead}</p> : null}
      {children}
    </section>
  );
}

export function Card({ children, title, className }: { children: ReactNode; title?: ReactNode; className?: string }) {
  return (
    <section className={['card', className].filter(Boolean).join(' ')}>
      {title ? <h2 className="card__title">{title}</h2> : null}
      {children}
    </section>
  );
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

/** A wide table that scrolls sideways on a phone, reachable by keyboard. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
