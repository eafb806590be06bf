// Static bearer tokens in kube-apiserver's --token-auth-file format: a CSV file, one token a
// record, `token,user,uid` and optionally a fourth column of comma-separated groups, quoted when
// it holds several: `31ada4fd-adec-460c-809a-9e56ceb75269,alice,1001,"devs,admins"`.
//
// Parsing follows upstream (Go's encoding/csv, records of any length): fields may be quoted
// (`""` is a quote inside a quoted field, which may span lines), CRLF line ends are fine, empty
// lines are skipped, a record with fewer than 3 fields fails the whole file, columns after the
// fourth are ignored, a record with an empty token is skipped and a repeated token replaces the
// earlier one (both with a warning). There are no comments: a `#` starts a token like any
// character. Beyond upstream: a leading byte order mark and whitespace-only lines are ignored,
// empty group names are dropped, and fields with surrounding spaces draw a warning (upstream
// keeps the spaces as part of the name). Groups such as system:authenticated are not added
// here: that is the authenticator's job.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface TokenUser {
  readonly name: string;
  readonly uid: string;
  readonly groups: readonly string[];
}

export interface TokenFile {
  /** The path (or label) the tokens came from, for messages. */
  readonly source: string;
  /** How many distinct tokens. */
  readonly size: number;
  /** Things upstream also accepts but logs: empty or repeated tokens, extra columns, stray spaces. */
  readonly warnings: readonly string[];
  /** The user a bearer token belongs to, or undefined. */
  lookup(token: string): TokenUser | undefined;
}

/** A token file that cannot be used; `line` and `column` are 1-based. */
export class TokenFileError extends Error {
  readonly source: string;
  readonly line: number;
  readonly column: number | undefined;
  constructor(source: string, line: number, column: number | undefined, problem: string) {
    super(`${source}:${line}${column === undefined ? '' : `:${column}`}: ${problem}`);
    this.name = 'TokenFileError';
    this.source = source;
    this.line = line;
    this.column = column;
  }
}

/** Reads and parses a token file; throws TokenFileError for malformed content. */
export async function loadTokenFile(path: string): Promise<TokenFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the token file ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseTokenFile(text, path);
}

/** Tokens are kept by their SHA-256 digest, so looking one up takes no time that depends on how much of it matches. */
const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('base64');

export function parseTokenFile(text: string, source = 'token file'): TokenFile {
  const users = new Map<string, TokenUser>();
  const warnings: string[] = [];
  for (const { fields, line } of parseCSV(text, source)) {
    if (fields.length < 3) {
      throw new TokenFileError(source, line, undefined, `expected at least 3 columns (token, user name, user uid), found ${fields.length}`);
    }
    const [token, name, uid, groupList] = fields as [string, string, string, string | undefined];
    if (token === '') {
      warnings.push(`${source}:${line}: empty token, record skipped`);
      continue;
    }
    if (fields.length > 4) warnings.push(`${source}:${line}: ${fields.length - 4} column(s) after the groups ignored`);
    for (const [what, value] of [['token', token], ['user name', name], ['uid', uid]] as const) {
      if (value !== value.trim()) warnings.push(`${source}:${line}: the ${what} has leading or trailing spaces, which are kept as part of it`);
    }
    const key = digest(token);
    if (users.has(key)) warnings.push(`${source}:${line}: repeated token, replaces the earlier record`);
    users.set(key, { name, uid, groups: (groupList ?? '').split(',').filter((group) => group !== '') });
  }
  return {
    source,
    size: users.size,
    warnings,
    lookup: (token) => (token === '' ? undefined : users.get(digest(token))),
  };
}

/** Writes records in the format `parseTokenFile` reads, quoting fields where CSV needs it. */
export function formatTokenFile(records: Iterable<{ readonly token: string; readonly user: TokenUser }>): string {
  const field = (value: string) => (/[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value);
  const lines: string[] = [];
  for (const { token, user } of records) {
    if (token === '') throw new Error('a token file record needs a token');
    if (user.groups.some((group) => group === '' || group.includes(','))) throw new Error(`group names must be non-empty and free of commas: ${JSON.stringify(user.groups)}`);
    const fields = [token, user.name, user.uid, ...(user.groups.length > 0 ? [user.groups.join(',')] : [])];
    lines.push(fields.map(field).join(','));
  }
  return lines.map((line) => `${line}\n`).join('');
}

interface CSVRecord {
  readonly fields: string[];
  /** The line the record starts on. */
  readonly line: number;
}

/** RFC 4180 CSV with Go encoding/csv's strictness (no bare quotes, nothing after a closing quote). */
function* parseCSV(input: string, source: string): Generator<CSVRecord> {
  const text = input.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n');
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail = (at: number, problem: string): never => {
    throw new TokenFileError(source, line, at - lineStart + 1, problem);
  };
  while (i < text.length) {
    const lineEnd = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    if (/^[ \t\r]*$/.test(text.slice(i, lineEnd))) {
      i = lineEnd + 1;
      line++;
      lineStart = i;
      continue;
    }
    const record: CSVRecord = { fields: [], line };
    let endOfRecord = false;
    while (!endOfRecord) {
      let value = '';
      let end: number;
      if (text[i] === '"') {
        const open = i;
        i++;
        while (true) {
          const quote = text.indexOf('"', i);
          if (quote < 0) {
            line = record.line;
            lineStart = text.lastIndexOf('\n', open) + 1;
            fail(open, 'quoted field is never closed');
          }
          const chunk = text.slice(i, quote);
          for (let at = chunk.indexOf('\n'); at >= 0; at = chunk.indexOf('\n', at + 1)) {
            line++;
            lineStart = i + at + 1;
          }
          value += chunk;
          i = quote + 1;
          if (text[i] === '"') {
            value += '"';
            i++;
            continue;
          }
          if (i < text.length && text[i] !== ',' && text[i] !== '\n') fail(i, `unexpected ${JSON.stringify(text[i])} after a closing quote (a quote inside a quoted field is written "")`);
          break;
        }
        end = i;
      } else {
        end = i;
        while (end < text.length && text[end] !== ',' && text[end] !== '\n') end++;
        value = text.slice(i, end);
        const quote = value.indexOf('"');
        if (quote >= 0) fail(i + quote, 'a quote in a field that does not start with one (quote the whole field and write the quote as "")');
      }
      record.fields.push(value);
      if (text[end] === ',') {
        i = end + 1;
      } else {
        endOfRecord = true;
        i = end + 1;
        line++;
        lineStart = i;
      }
    }
    yield record;
  }
}
