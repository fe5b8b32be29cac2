// The page behind a one-click link from a letter: exchanges the token for a session that opens
// only the link's item, then goes to that item's page.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { ME_KEY } from '../../../auth/session';
import { EmptyState, InlineError, PageLoader } from '../../../components/PageState';

export default function MagicLink() {
  const { token = '' } = useParams();
  const queryClient = useQueryClient();
  const redeem = useMutation({
    mutationFn: () => unwrap(api.POST('/api/links/redeem', { body: { token } })),
    onSuccess: (answer) => queryClient.setQueryData(ME_KEY, answer.user),
  });
  const { mutate } = redeem;
  useEffect(() => mutate(), [mutate]);

  if (redeem.isSuccess) return <Navigate to={redeem.data.redirectTo} replace />;
  if (redeem.isError)
    return (
      <EmptyState title="Ссылка не открылась">
        <InlineError error={redeem.error} />
        <Link to="/login">Войти со своей учетной записью</Link>
      </EmptyState>
    );
  return <PageLoader label="Открываем ссылку из письма…" />;
}
