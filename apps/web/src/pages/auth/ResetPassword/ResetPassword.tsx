import { Alert, Button, Link, PasswordInput } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { InlineError } from '../../../components/PageState';
import { t } from '../i18n';

export default function ResetPassword() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && password !== repeat;
  const confirm = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/password-reset/confirm', { body: { token, password } })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!mismatch) confirm.mutate();
  };
  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby="reset-title">
        <h1 id="reset-title" className="g-text g-text_variant_header-1">
          {t.resetTitle}
        </h1>
        {!token ? (
          <Alert theme="danger" message={t.noToken} />
        ) : confirm.isSuccess ? (
          <Alert theme="success" message={t.resetDone} />
        ) : (
          <>
            <div className="field">
              <label htmlFor="new-password">{t.newPassword}</label>
              <PasswordInput
                id="new-password"
                autoComplete="new-password"
                size="l"
                value={password}
                onUpdate={setPassword}
                autoFocus
              />
            </div>
            <div className="field">
              <label htmlFor="repeat-password">{t.repeatPassword}</label>
              <PasswordInput
                id="repeat-password"
                autoComplete="new-password"
                size="l"
                value={repeat}
                onUpdate={setRepeat}
                validationState={mismatch ? 'invalid' : undefined}
                errorMessage={t.mismatch}
              />
            </div>
            <InlineError error={confirm.error} />
            <Button type="submit" view="action" size="l" loading={confirm.isPending} disabled={!password || mismatch}>
              {t.save}
            </Button>
          </>
        )}
        <Link
          href="/login"
          onClick={(e) => {
            e.preventDefault();
            void navigate(token && !confirm.isSuccess ? '/forgot-password' : '/login');
          }}
        >
          {token && !confirm.isSuccess ? t.forgot : t.backToSignIn}
        </Link>
      </form>
    </div>
  );
}
