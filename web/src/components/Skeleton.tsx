/** Grey placeholders the shape of the page to come, while its data loads. */
export function Skeleton({ label, lines = 6 }: { label: string; lines?: number }) {
  return (
    <div className="skeleton" role="status" aria-live="polite" data-testid="skeleton">
      <span className="visually-hidden">{label}</span>
      <div className="skeleton__heading" aria-hidden="true" />
      {Array.from({ length: lines }, (_, line) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          key={line}
          className="skeleton__line"
          style={{ width: `${90 - ((line * 17) % 40)}%` }}
          aria-hidden="true"
        />
      ))}
    </div>
  );
}
