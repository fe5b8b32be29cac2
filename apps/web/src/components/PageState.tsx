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

/** The API's Russian message with the rows or fields it names (at most `limit` of them). */
function ErrorAlert({
  error,
  title,
  actions,
  limit = 20,
}: {
  error: unknown;
  title?: string;
  actions?: ReactNode;
  limit?: number;
}) {
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert
      theme="danger"
      title={title}
      actions={actions}
      message={
        <>
          <div>{errorText(error)}</div>
          {details.length > 0 && (
            <ul className="error-details">
              {details.slice(0, limit).map((d) => (
                <li key={d}>{d}</li>
              ))}
              {details.length > limit && <li>… и еще {details.length - limit}</li>}
            </ul>
          )}
        </>
      }
    />
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
  return (
    <div className="page-state page-state_error">
      <ErrorAlert
        error={error}
        title={title}
        actions={onRetry ? <Button onClick={onRetry}>Повторить</Button> : undefined}
      />
    </div>
  );
}

/** An error shown in place next to a form or an action (no page reload). */
export function InlineError({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <div role="alert" className="inline-error">
      <ErrorAlert error={error} title={title} />
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
