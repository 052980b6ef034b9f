/** A varchar column of a migration's table: its name, length and whether it may be null (not, unless told). */
export const varchar = (name: string, length: number, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
