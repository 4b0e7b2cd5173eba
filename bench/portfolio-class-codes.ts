// Every account's ABC class and RFM scores as four bytes, so two processes' classifications of
// a million accounts can be compared account by account through a small file.
const ABC = ['none', 'A', 'B', 'C'];

export interface AccountCodes {
  accountId: number;
  abc: string;
  /** RFM scores 1 to 5; anything else (an account that never bought) is stored as 0. */
  r: unknown;
  f: unknown;
  m: unknown;
}

const score = (value: unknown) => (typeof value === 'number' ? value : 0);

/** Accounts are numbered 1 to `accounts`; an account absent from the list keeps zeros (none, no scores). */
export function classCodes(accounts: number, rows: Iterable<AccountCodes>): Uint8Array {
  const codes = new Uint8Array(accounts * 4);
  for (const row of rows) {
    const at = (row.accountId - 1) * 4;
    codes[at] = ABC.indexOf(row.abc);
    codes[at + 1] = score(row.r);
    codes[at + 2] = score(row.f);
    codes[at + 3] = score(row.m);
  }
  return codes;
}

export interface CodeDifferences {
  abc: number;
  r: number;
  f: number;
  m: number;
}

/** How many accounts differ on each of the four. */
export function compareCodes(ours: Uint8Array, theirs: Uint8Array): CodeDifferences {
  const differences = { abc: 0, r: 0, f: 0, m: 0 };
  const keys = ['abc', 'r', 'f', 'm'] as const;
  for (let i = 0; i < Math.max(ours.length, theirs.length); i++) {
    if (ours[i] !== theirs[i]) differences[keys[i % 4]!] += 1;
  }
  return differences;
}
