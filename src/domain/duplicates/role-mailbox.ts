// A role mailbox (office@, info@, sales@, kontakt@…) belongs to an organisation or a team, not
// to one customer: the departments and branches of one company write from it alike. Two
// records sharing one are no more alike than two records on the same web domain, so the
// duplicate finder weighs such an address as its domain only. The prefixes come from a
// maintained list (role-based-email-addresses, in several languages).
import { createRequire } from 'node:module';

const ROLE_PREFIXES: ReadonlySet<string> = new Set(createRequire(import.meta.url)('role-based-email-addresses') as string[]);

/** True when the part before the @ names a role, not a person: "office@acme.fr", "Info@x.de". */
export function isRoleMailbox(email: string): boolean {
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const local = email.slice(0, at).trim().toLowerCase();
  // "sales+eu@" and "info-fr@" are the same role mailbox as "sales@" and "info@".
  return ROLE_PREFIXES.has(local) || ROLE_PREFIXES.has(local.split(/[+._-]/)[0]!);
}
