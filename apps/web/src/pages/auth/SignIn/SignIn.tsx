import { Alert, Button, PasswordInput, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { homePathFor, ME_KEY, safeNext } from '../../../auth/session';
import { AuthCard, Field } from '../../../components/AuthCard';
import { InlineError } from '../../../components/PageState';
import { t } from '../i18n';

export default function SignIn() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = params.get('next');
  const expired = (location.state as { expired?: boolean } | null)?.expired;
  const login = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/login', { body: { email: email.trim(), password } })),
    onSuccess: (result) => {
      queryClient.setQueryData(ME_KEY, result.user);
      void navigate(next ? safeNext(next) : homePathFor(result.user), { replace: true });
    },
  });
  return (
    <AuthCard
      id="sign-in-title"
      title={t.signInTitle}
      onSubmit={() => login.mutate()}
      link={{ to: '/forgot-password', text: t.forgot }}
    >
      {expired && <Alert theme="info" message={t.expired} />}
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
      <Field id="password" label={t.password}>
        <PasswordInput id="password" autoComplete="current-password" size="l" value={password} onUpdate={setPassword} />
      </Field>
      <InlineError error={login.error} />
      <Button type="submit" view="action" size="l" loading={login.isPending} disabled={!email || !password}>
        {t.signIn}
      </Button>
    </AuthCard>
  );
}
