import { Button, Text } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { hasRole, MANAGER_ROLES, useSession } from '../auth/session';
import { ROLE_TITLES } from '../lib/roles';

export function AppLayout() {
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSettled: () => {
      queryClient.clear();
      void navigate('/login', { replace: true });
    },
  });
  // A session from a one-click link opens one item only: no sections to go to.
  const links = me.link
    ? []
    : [
        ...(hasRole(me, 'school_team') ? [{ to: '/our-school', title: 'Наша школа' }] : []),
        ...(hasRole(me, 'curator') ? [{ to: '/reviews', title: 'На экспертизе' }] : []),
        ...(hasRole(me, ...MANAGER_ROLES) ? [{ to: '/roadmaps', title: 'Дорожные карты' }] : []),
        ...(hasRole(me, 'executor', 'school_team') ? [{ to: '/my-events', title: 'Мои мероприятия' }] : []),
        { to: '/cycles', title: 'Циклы' },
        ...(hasRole(me, ...MANAGER_ROLES)
          ? [
              { to: '/directory', title: 'Справочник' },
              { to: '/mail', title: 'Почта' },
              { to: '/mail-templates', title: 'Шаблоны писем' },
              { to: '/calendar', title: 'Календарь' },
            ]
          : []),
        ...(hasRole(me, ...MANAGER_ROLES, 'supervisor') ? [{ to: '/audit', title: 'Журнал действий' }] : []),
        ...(hasRole(me, 'admin') ? [{ to: '/admin/users', title: 'Пользователи' }] : []),
      ];
  const roles = [...new Set(me.grants.map((g) => ROLE_TITLES[g.role]))].join(', ');
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Перейти к содержанию
      </a>
      <header className="app-header">
        <NavLink to="/" className="app-header__logo" aria-label="Ориентир, на главную">
          Ориентир
        </NavLink>
        <nav className="app-header__nav" aria-label="Разделы">
          {links.map((l) => (
            <NavLink key={l.to} to={l.to} className="app-header__link">
              {l.title}
            </NavLink>
          ))}
        </nav>
        <div className="app-header__user">
          <div className="app-header__who">
            <Text variant="body-2">{me.displayName}</Text>
            <Text variant="caption-2" color="secondary">
              {roles}
            </Text>
          </div>
          <Button view="outlined" onClick={() => signOut.mutate()} loading={signOut.isPending}>
            Выйти
          </Button>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {me.link && (
          <div className="panel" data-testid="link-banner" role="note">
            <Text variant="body-2">
              Ссылка для {me.link.holderName}: открывает только {me.link.itemLabel}. Вход без пароля действует до{' '}
              {new Date(me.link.expiresAt).toLocaleString('ru-RU', { dateStyle: 'long', timeStyle: 'short' })}.
            </Text>
          </div>
        )}
        <Outlet />
      </main>
    </div>
  );
}
