import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * Every text a client sends is one of these kinds, each declared once here with its bound: the GraphQL
 * boundary refuses text that is too long, ill-formed Unicode (a lone surrogate), or holds characters a
 * reader cannot see (controls, zero-width and direction-override characters; line breaks outside free
 * text), before any resolver runs. Text is normalised to NFC first, so what is stored is what was checked.
 */
export interface TextKind {
  name: string;
  description: string;
  /** Characters (code points) at most, after normalisation. */
  maxLength: number;
  /** Free text may hold line breaks and tabs (and the zero-width joiner that emoji sequences use). */
  multiline: boolean;
  /** Passwords are taken as typed: not normalised, and any character counts, so a password is never changed. */
  verbatim?: boolean;
}

/** Controls, format characters (zero-width, bidi embeddings and overrides, BOM), line and paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** The same, but line breaks, tabs and the zero-width joiner are allowed. */
const INVISIBLE_IN_FREE_TEXT = /(?![\n\r\t\u200d])[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const describe = (character: string): string =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The checked, normalised text; throws a GraphQLError saying what is wrong (graphql-js adds which field). */
export function checkText(kind: TextKind, value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError(`${kind.name} must be text.`);
  if (LONE_SURROGATE.test(value))
    throw new GraphQLError('The text is not well-formed Unicode (it holds a lone surrogate); send it as UTF-8 text.');
  const text = kind.verbatim ? value : value.normalize('NFC');
  let length = 0;
  for (const _ of text)
    if (++length > kind.maxLength) throw new GraphQLError(`At most ${kind.maxLength} characters are allowed here.`);
  const hidden = (kind.multiline ? INVISIBLE_IN_FREE_TEXT : INVISIBLE).exec(text);
  if (hidden && !kind.verbatim) {
    const what = /[\n\r\t\u2028\u2029]/.test(hidden[0])
      ? 'a line break or tab'
      : `an invisible or control character (${describe(hidden[0])})`;
    throw new GraphQLError(`The text holds ${what}, which is not allowed here.`);
  }
  if (kind.verbatim && text.includes('\u0000'))
    throw new GraphQLError('The text holds a NUL character (U+0000), which is not allowed.');
  return text;
}

export function textScalar(kind: TextKind): GraphQLScalarType<string, string> {
  return new GraphQLScalarType<string, string>({
    name: kind.name,
    description: `${kind.description} At most ${kind.maxLength} characters.`,
    serialize: (value) => String(value),
    parseValue: (value) => checkText(kind, value),
    parseLiteral: (node) => {
      if (node.kind !== Kind.STRING) throw new GraphQLError(`${kind.name} must be a string.`, { nodes: [node] });
      return checkText(kind, node.value);
    },
    extensions: { maxLength: kind.maxLength },
  });
}

export const TEXT_KINDS = {
  shortText: {
    name: 'ShortText',
    description: 'One line of text: a name, an address line, a subject, a search.',
    maxLength: 200,
    multiline: false,
  },
  email: { name: 'EmailText', description: 'An e-mail address.', maxLength: 254, multiline: false },
  code: {
    name: 'Code',
    description: 'A short identifier, code, date, amount or keyword.',
    maxLength: 100,
    multiline: false,
  },
  cursor: { name: 'Cursor', description: 'A page cursor this API gave out.', maxLength: 1000, multiline: false },
  password: {
    name: 'Password',
    description: 'A password or passphrase, taken exactly as typed.',
    maxLength: 256,
    multiline: false,
    verbatim: true,
  },
  freeText: {
    name: 'FreeText',
    description: 'Free text: a comment, a case description; line breaks allowed.',
    maxLength: 10_000,
    multiline: true,
  },
} satisfies Record<string, TextKind>;

export const ShortText = textScalar(TEXT_KINDS.shortText);
export const EmailText = textScalar(TEXT_KINDS.email);
export const Code = textScalar(TEXT_KINDS.code);
export const Cursor = textScalar(TEXT_KINDS.cursor);
export const Password = textScalar(TEXT_KINDS.password);
export const FreeText = textScalar(TEXT_KINDS.freeText);

/** The text scalars, for the schema's list of scalars and for the test that every text input has a bound. */
export const TEXT_SCALARS = [ShortText, EmailText, Code, Cursor, Password, FreeText];
