import { Alert, Button, Link, TextInput } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { InlineError } from '../../../components/PageState';
import { t } from '../i18n';

export default function ForgotPassword() {
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/password-reset', { body: { email: email.trim() } })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate();
  };
  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby="forgot-title">
        <h1 id="forgot-title" className="g-text g-text_variant_header-1">
          {t.forgotTitle}
        </h1>
        {request.isSuccess ? (
          <Alert theme="success" message={request.data.message} />
        ) : (
          <>
            <p className="muted">{t.forgotHint}</p>
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
            <InlineError error={request.error} />
            <Button type="submit" view="action" size="l" loading={request.isPending} disabled={!email}>
              {t.send}
            </Button>
          </>
        )}
        <Link
          href="/login"
          onClick={(e) => {
            e.preventDefault();
            void navigate('/login');
          }}
        >
          {t.backToSignIn}
        </Link>
      </form>
    </div>
  );
}
