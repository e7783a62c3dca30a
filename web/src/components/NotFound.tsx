import { Link } from '../routing.tsx';

export function NotFound({ what }: { what: string }) {
  return (
    <section className="empty-state">
      <h1>No such {what}</h1>
      <p>
        It may have been removed when the graph was reloaded. <Link href="/">Back to the clusters</Link>
      </p>
    </section>
  );
}
