import { Link } from 'react-router';
import { PageHeading } from '../app/focus.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';

export function NotFound({ what }: { what: string }) {
  usePageTitle(`No such ${what}`);
  return (
    <section className="empty-state" data-testid="not-found">
      <PageHeading>No such {what}</PageHeading>
      <p>
        It may have been removed when the graph was reloaded. <Link to="/clusters">Back to the clusters</Link>
      </p>
    </section>
  );
}
