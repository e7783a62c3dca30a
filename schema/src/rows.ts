import type { NodeLabel, nodeModel, PropertyType } from './model.ts';

/** The TypeScript value of a property shape, as neo4j-driver returns it (integers as numbers). */
type ValueOf<T extends PropertyType> = T extends 'string'
  ? string
  : T extends 'string?' | 'date?'
    ? string | null
    : T extends 'string[]' | 'json[]'
      ? string[] | null
      : T extends 'int'
        ? number
        : T extends 'int[]'
          ? number[] | null
          : T extends 'int?' | 'float?'
            ? number | null
            : T extends 'boolean'
              ? boolean
              : never;

/** A node as the API handles it: its label and its properties, typed from the model. */
export type NodeRow<L extends NodeLabel = NodeLabel> = {
  label: L;
} & {
  -readonly [K in keyof (typeof nodeModel)[L]['properties']]: ValueOf<
    Extract<(typeof nodeModel)[L]['properties'][K], PropertyType>
  >;
};
