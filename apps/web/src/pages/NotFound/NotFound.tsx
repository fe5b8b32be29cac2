import { Link } from 'react-router';
import { EmptyState } from '../../components/PageState';

export default function NotFound() {
  return (
    <EmptyState title="Страница не найдена">
      Такой страницы нет. <Link to="/">На главную</Link>
    </EmptyState>
  );
}
