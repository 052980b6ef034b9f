import type { ValueTransformer } from 'typeorm';

/** PostgreSQL returns BIGINT as text; money in minor units stays a safe JS integer. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
