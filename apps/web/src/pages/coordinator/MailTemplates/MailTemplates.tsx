import { Label, Table, Text } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState';
import { t } from './i18n';

const TZ = Intl.DateTimeFormat().resolvedOptions().timeZone;

export default function MailTemplates() {
  const templates = useQuery({
    queryKey: ['notifications', 'templates'],
    queryFn: () => unwrap(api.GET('/api/notifications/templates')),
  });
  const optedOut = useQuery({
    queryKey: ['notifications', 'opted-out'],
    queryFn: () => unwrap(api.GET('/api/notifications/opted-out')),
  });
  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">{t.title}</h1>
      </div>
      <p>{t.intro}</p>

      <section className="panel" aria-labelledby="opted-out-title">
        <h2 id="opted-out-title" className="g-text g-text_variant_subheader-3">
          {t.optedOutTitle}
        </h2>
        {optedOut.isPending ? (
          <PageLoader />
        ) : optedOut.error ? (
          <ErrorState error={optedOut.error} onRetry={() => void optedOut.refetch()} />
        ) : optedOut.data.length === 0 ? (
          <EmptyState title={t.optedOutEmpty} />
        ) : (
          <>
            <Text color="secondary">{t.optedOutNote}</Text>
            <Table
              qa="opted-out"
              data={optedOut.data}
              columns={[
                { id: 'fullName', name: t.person, template: (p) => `${p.fullName}${p.email ? ` <${p.email}>` : ''}` },
                { id: 'organisationName', name: t.organisation, template: (p) => p.organisationName ?? '—' },
                { id: 'changedVia', name: t.how, template: (p) => t.via[p.changedVia] },
                {
                  id: 'since',
                  name: t.since,
                  template: (p) => new Date(p.since).toLocaleString('ru-RU', { timeZone: TZ }),
                },
              ]}
            />
          </>
        )}
      </section>

      {templates.isPending ? (
        <PageLoader />
      ) : templates.error ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        templates.data.map((tpl) => (
          <section key={tpl.id} className="panel" aria-labelledby={`tpl-${tpl.id}`} data-testid={`template-${tpl.id}`}>
            <h2 id={`tpl-${tpl.id}`} className="g-text g-text_variant_subheader-3">
              {tpl.title}
            </h2>
            <dl className="facts">
              <dt>{t.when}</dt>
              <dd>{tpl.when}</dd>
              <dt>{t.subject}</dt>
              <dd>
                <strong>{tpl.subject}</strong>
              </dd>
              {tpl.attachments.length > 0 && (
                <>
                  <dt>{t.attachments}</dt>
                  <dd>
                    {tpl.attachments.map((a) => (
                      <Label key={a.filename}>{a.filename}</Label>
                    ))}
                  </dd>
                </>
              )}
            </dl>
            {/* The letter's own HTML in a sandbox: no scripts, no access to the page. */}
            <iframe
              title={`${t.html}: ${tpl.title}`}
              sandbox=""
              srcDoc={tpl.html}
              style={{ width: '100%', height: 520, border: '1px solid var(--g-color-line-generic)', borderRadius: 8 }}
            />
            <details>
              <summary>{t.text}</summary>
              <pre style={{ whiteSpace: 'pre-wrap' }}>{tpl.text}</pre>
            </details>
          </section>
        ))
      )}
    </>
  );
}
