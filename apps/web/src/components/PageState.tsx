import { Alert, Button, Loader, Text } from '@gravity-ui/uikit';
import type { ReactNode } from 'react';
import { ApiError, errorText } from '../api/errors';

export function PageLoader({ label = 'Загрузка…' }: { label?: string }) {
  return (
    <div className="page-state" role="status" aria-live="polite">
      <Loader size="m" />
      <Text color="secondary">{label}</Text>
    </div>
  );
}

export function ErrorState({
  error,
  onRetry,
  title = 'Не удалось загрузить',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div className="page-state page-state_error">
      <Alert
        theme="danger"
        title={title}
        message={
          <>
            <div>{errorText(error)}</div>
            {details.length > 0 && (
              <ul className="error-details">
                {details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </>
        }
        actions={onRetry ? <Button onClick={onRetry}>Повторить</Button> : undefined}
      />
    </div>
  );
}

/** An error shown in place next to a form or an action (no page reload). */
export function InlineError({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div role="alert" className="inline-error">
      <Alert
        theme="danger"
        title={title}
        message={
          <>
            <div>{errorText(error)}</div>
            {details.length > 0 && (
              <ul className="error-details">
                {details.slice(0, 20).map((d) => (
                  <li key={d}>{d}</li>
                ))}
                {details.length > 20 && <li>… и еще {details.length - 20}</li>}
              </ul>
            )}
          </>
        }
      />
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-state page-state_empty">
      <Text variant="subheader-2">{title}</Text>
      {children && <Text color="secondary">{children}</Text>}
    </div>
  );
}
