import type { ExplorerEdge } from '../../graph/encodings.ts';
import { tiesByYear } from './explorer-state.ts';

/** How cooperation changed: ties begun and ties active per year, as bars and as numbers. */
export function TiesByYear({ edges }: { edges: readonly ExplorerEdge[] }) {
  const { years, undated } = tiesByYear(edges);
  if (years.length === 0) return <p className="muted">No tie of this network has a dated project.</p>;
  const most = Math.max(...years.map((year) => year.active), 1);
  return (
    <table className="data-table ties-by-year" data-testid="ties-by-year">
      <caption className="visually-hidden">Ties begun and active per year</caption>
      <thead>
        <tr>
          <th scope="col">Year</th>
          <th scope="col">New ties</th>
          <th scope="col">Active ties</th>
          <th scope="col">
            <span className="visually-hidden">Bars</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {years.map((year) => (
          <tr key={year.year}>
            <th scope="row">{year.year}</th>
            <td className="numeric">{year.started}</td>
            <td className="numeric">{year.active}</td>
            <td aria-hidden="true" className="ties-by-year__bar-cell">
              <span className="ties-by-year__bar" style={{ width: `${(100 * year.active) / most}%` }} />
              <span
                className="ties-by-year__bar ties-by-year__bar--new"
                style={{ width: `${(100 * year.started) / most}%` }}
              />
            </td>
          </tr>
        ))}
      </tbody>
      {undated > 0 && (
        <tfoot>
          <tr>
            <td colSpan={4} className="muted">
              {undated} ties without a dated project are not counted.
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
