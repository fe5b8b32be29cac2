import { Alert, Button, TextInput } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { AuthCard, Field } from '../../../components/AuthCard';
import { InlineError } from '../../../components/PageState';
import { t } from '../i18n';

export default function ForgotPassword() {
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/password-reset', { body: { email: email.trim() } })),
  });
  return (
    <AuthCard
      id="forgot-title"
      title={t.forgotTitle}
      onSubmit={() => request.mutate()}
      link={{ to: '/login', text: t.backToSignIn }}
    >
      {request.isSuccess ? (
        <Alert theme="success" message={request.data.message} />
      ) : (
        <>
          <p className="muted">{t.forgotHint}</p>
          <Field id="email" label={t.email}>
            <TextInput
              id="email"
              type="email"
              autoComplete="username"
              size="l"
              value={email}
              onUpdate={setEmail}
              autoFocus
            />
          </Field>
          <InlineError error={request.error} />
          <Button type="submit" view="action" size="l" loading={request.isPending} disabled={!email}>
            {t.send}
          </Button>
        </>
      )}
    </AuthCard>
  );
}
