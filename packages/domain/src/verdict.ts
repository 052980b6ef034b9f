/**
 * Every business decision answers with a verdict: allowed, or denied with a stable code,
 * a plain-language reason and, where there is one, the fix. Never a bare boolean, never a throw.
 */
export type Fix =
  | { kind: 'link'; label: string; href: string }
  | { kind: 'field'; label: string; field: string }
  | { kind: 'action'; label: string };

export interface Denial<Code extends string = string> {
  readonly allowed: false;
  readonly code: Code;
  readonly message: string;
  readonly fix?: Fix;
}

export interface Allowance {
  readonly allowed: true;
}

export type Verdict<Code extends string = string> = Allowance | Denial<Code>;

export const allow = (): Allowance => ({ allowed: true });

export const deny = <Code extends string>(code: Code, message: string, fix?: Fix): Denial<Code> =>
  fix ? { allowed: false, code, message, fix } : { allowed: false, code, message };

/** A value, or the reason there is none. */
export type Outcome<T, Code extends string = string> =
  { ok: true; value: T } | ({ ok: false } & Omit<Denial<Code>, 'allowed'>);

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = <Code extends string>(
  code: Code,
  message: string,
  fix?: Fix,
): { ok: false; code: Code; message: string; fix?: Fix } =>
  fix ? { ok: false, code, message, fix } : { ok: false, code, message };
