import { type FragmentType, getFragmentData, graphql } from '../gql';
import { EntityLink } from './EntityLink.tsx';

export const SectorChips_sectors = graphql(`
  fragment SectorChips_sectors on Sector {
    id
    key
    code
    name
  }
`);

export function SectorChips(props: { sectors: readonly FragmentType<typeof SectorChips_sectors>[] }) {
  const sectors = getFragmentData(SectorChips_sectors, props.sectors);
  if (sectors.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="chips">
      {sectors.map((sector) => (
        <li key={sector.code} className="chip" title={sector.code}>
          <EntityLink label="Sector" entityKey={sector.key}>
            {sector.name}
          </EntityLink>
        </li>
      ))}
    </ul>
  );
}
