import { Alert, Button, Link, PasswordInput, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { homePathFor, ME_KEY, safeNext } from '../../../auth/session';
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <div className="app-header__logo">{t.product}</div>
        <h1 id="sign-in-title" className="g-text g-text_variant_header-1">
          {t.signInTitle}
        </h1>
        {expired && <Alert theme="info" message={t.expired} />}
        <div className="field">
          <label htmlFor="email">{t.email}</label>
          <TextInput
            id="email"
            type="email"
            autoComplete="username"
            size="l"
            value={email}
            onUpdate={setEmail}
            autoFocus
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t.password}</label>
          <PasswordInput
            id="password"
            autoComplete="current-password"
            size="l"
            value={password}
            onUpdate={setPassword}
          />
        </div>
        <InlineError error={login.error} />
        <Button type="submit" view="action" size="l" loading={login.isPending} disabled={!email || !password}>
          {t.signIn}
        </Button>
        <Link
          href="/forgot-password"
          onClick={(e) => {
            e.preventDefault();
            void navigate('/forgot-password');
          }}
        >
          {t.forgot}
        </Link>
      </form>
    </div>
  );
}
