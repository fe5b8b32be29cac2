// The page behind «Отписаться» in a letter: says whose preference it is and lets the person pick
// digest, instant or off (one click on «Отписаться» is the RFC 8058 POST mail clients send too).
import { Alert, Button, RadioGroup } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { AuthCard } from '../../../components/AuthCard';
import { InlineError, PageLoader } from '../../../components/PageState';

type Mode = 'digest' | 'instant' | 'off';

const MODES: { value: Mode; content: string }[] = [
  { value: 'digest', content: 'Одна сводка в рабочий день (рекомендуем)' },
  { value: 'instant', content: 'Сразу по каждому пункту' },
  { value: 'off', content: 'Только критичное (просроченное)' },
];

export default function Unsubscribe() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const key = ['notifications', 'preference', token];
  const preference = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/notifications/preference', { params: { query: { token } } })),
    enabled: token.length > 0,
  });
  const save = useMutation({
    mutationFn: (mode: Mode) =>
      unwrap(api.PUT('/api/notifications/preference', { params: { query: { token } }, body: { mode } })),
    onSuccess: (answer) => queryClient.setQueryData(key, answer),
  });
  return (
    <AuthCard
      id="unsubscribe-title"
      title="Письма «Ориентира»"
      onSubmit={() => save.mutate('off')}
      link={{ to: '/login', text: 'Войти в «Ориентир»' }}
    >
      {!token ? (
        <Alert theme="danger" message="В ссылке нет ключа. Откройте ссылку «Отписаться» из письма целиком." />
      ) : preference.isPending ? (
        <PageLoader />
      ) : preference.error ? (
        <InlineError error={preference.error} />
      ) : (
        <>
          <p data-testid="preference-holder">Настройки писем для {preference.data.holderName}</p>
          <RadioGroup
            direction="vertical"
            value={preference.data.mode}
            options={MODES}
            onUpdate={(mode) => save.mutate(mode as Mode)}
            disabled={save.isPending}
          />
          <Alert theme={preference.data.mode === 'off' ? 'warning' : 'info'} message={preference.data.message} />
          {save.error && <InlineError error={save.error} />}
          {preference.data.mode !== 'off' && (
            <Button type="submit" view="outlined-danger" size="l" loading={save.isPending}>
              Отписаться от необязательных писем
            </Button>
          )}
        </>
      )}
    </AuthCard>
  );
}
