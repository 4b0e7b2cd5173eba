// The web domain a record belongs to, from its website or, failing that, from an email address
// at a company's own domain: "https://www.acme.fr/contact" and "jean@acme.fr" are both acme.fr.
import { PUBLIC_EMAIL_DOMAINS, SHARED_WEB_DOMAINS } from './shared-domains.js';

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** The domain of a website, without scheme, "www.", port or path; undefined for a shared host. */
export function domainOfWebsite(website: string | null | undefined): string | undefined {
  if (!website) return undefined;
  const host = website.trim().toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^/@]*@/, '')
    .split(/[/?#:\s]/)[0]!
    .replace(/\.$/, '')
    .replace(/^www\d?\./, '');
  if (!HOST.test(host) || SHARED_WEB_DOMAINS.has(host)) return undefined;
  return host;
}

/** The domain of an email address, unless anyone can have an address there (gmail.com). */
export function domainOfEmail(email: string | null | undefined): string | undefined {
  if (!email) return undefined;
  const at = email.lastIndexOf('@');
  if (at < 0) return undefined;
  const domain = email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  if (!HOST.test(domain) || PUBLIC_EMAIL_DOMAINS.has(domain)) return undefined;
  return domain;
}
