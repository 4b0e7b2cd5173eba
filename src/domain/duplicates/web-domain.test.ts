import { describe, expect, it } from 'vitest';
import { domainOfEmail, domainOfWebsite } from './web-domain.js';

describe('domainOfWebsite', () => {
  it('keeps the host without scheme, www, port, path or case', () => {
    expect(domainOfWebsite('https://www.Acme.fr/contact?x=1')).toBe('acme.fr');
    expect(domainOfWebsite('acme.fr')).toBe('acme.fr');
    expect(domainOfWebsite('http://shop.acme.co.uk:8080')).toBe('shop.acme.co.uk');
    expect(domainOfWebsite('www2.acme.de.')).toBe('acme.de');
  });

  it('has no domain for text that is not a host, or for sites hosting everyone\'s pages', () => {
    expect(domainOfWebsite('none')).toBeUndefined();
    expect(domainOfWebsite(null)).toBeUndefined();
    expect(domainOfWebsite('https://www.facebook.com/acme')).toBeUndefined();
    expect(domainOfWebsite('linkedin.com/company/acme')).toBeUndefined();
  });
});

describe('domainOfEmail', () => {
  it('takes the domain of a company address', () => {
    expect(domainOfEmail('Jean.Dupont@ACME.fr')).toBe('acme.fr');
  });

  it('ignores mail providers anyone can use and malformed addresses', () => {
    expect(domainOfEmail('jean.dupont@gmail.com')).toBeUndefined();
    expect(domainOfEmail('someone@orange.fr')).toBeUndefined();
    expect(domainOfEmail('no-at-sign')).toBeUndefined();
    expect(domainOfEmail(null)).toBeUndefined();
  });
});
