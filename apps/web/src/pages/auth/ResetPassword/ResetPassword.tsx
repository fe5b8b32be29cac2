import { Alert, Button, PasswordInput } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { AuthCard, Field } from '../../../components/AuthCard';
import { InlineError } from '../../../components/PageState';
import { t } from '../i18n';

export default function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && password !== repeat;
  const confirm = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/password-reset/confirm', { body: { token, password } })),
  });
  const link =
    token && !confirm.isSuccess ? { to: '/forgot-password', text: t.forgot } : { to: '/login', text: t.backToSignIn };
  return (
    <AuthCard id="reset-title" title={t.resetTitle} onSubmit={() => !mismatch && confirm.mutate()} link={link}>
      {!token ? (
        <Alert theme="danger" message={t.noToken} />
      ) : confirm.isSuccess ? (
        <Alert theme="success" message={t.resetDone} />
      ) : (
        <>
          <Field id="new-password" label={t.newPassword}>
            <PasswordInput
              id="new-password"
              autoComplete="new-password"
              size="l"
              value={password}
              onUpdate={setPassword}
              autoFocus
            />
          </Field>
          <Field id="repeat-password" label={t.repeatPassword}>
            <PasswordInput
              id="repeat-password"
              autoComplete="new-password"
              size="l"
              value={repeat}
              onUpdate={setRepeat}
              validationState={mismatch ? 'invalid' : undefined}
              errorMessage={t.mismatch}
            />
          </Field>
          <InlineError error={confirm.error} />
          <Button type="submit" view="action" size="l" loading={confirm.isPending} disabled={!password || mismatch}>
            {t.save}
          </Button>
        </>
      )}
    </AuthCard>
  );
}
