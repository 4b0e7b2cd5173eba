// Domains many unrelated customers share. An address at gmail.com or a page on facebook.com
// says nothing about which company it belongs to, so they never make two records alike.

/** Mail providers anyone can sign up with. */
export const PUBLIC_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.fr', 'yahoo.co.uk', 'yahoo.de', 'yahoo.es', 'yahoo.it', 'ymail.com',
  'hotmail.com', 'hotmail.fr', 'hotmail.co.uk', 'hotmail.de', 'hotmail.es', 'hotmail.it', 'outlook.com', 'outlook.fr',
  'outlook.de', 'outlook.es', 'live.com', 'live.fr', 'live.co.uk', 'msn.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com',
  'aol.fr', 'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'neuf.fr', 'bbox.fr', 'numericable.fr',
  'gmx.de', 'gmx.net', 'gmx.fr', 'gmx.at', 'gmx.ch', 'web.de', 't-online.de', 'freenet.de', 'arcor.de', 'posteo.de',
  'mailbox.org', 'proton.me', 'protonmail.com', 'pm.me', 'tutanota.com', 'zoho.com', 'fastmail.com', 'hey.com',
  'yandex.ru', 'yandex.com', 'mail.ru', 'qq.com', '163.com', '126.com', 'naver.com', 'libero.it', 'virgilio.it',
  'tiscali.it', 'alice.it', 'telefonica.net', 'terra.es', 'btinternet.com', 'sky.com', 'virginmedia.com', 'ntlworld.com',
  'bluewin.ch', 'skynet.be', 'telenet.be', 'ziggo.nl', 'kpnmail.nl', 'hetnet.nl', 'sapo.pt', 'wp.pl', 'o2.pl', 'onet.pl',
  'seznam.cz', 'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'rocketmail.com',
]);

/** Sites that host many customers' pages under one domain. */
export const SHARED_WEB_DOMAINS: ReadonlySet<string> = new Set([
  'facebook.com', 'fb.com', 'linkedin.com', 'instagram.com', 'twitter.com', 'x.com', 'youtube.com', 'tiktok.com',
  'google.com', 'sites.google.com', 'business.site', 'goo.gl', 'maps.google.com', 'wixsite.com', 'wix.com',
  'wordpress.com', 'blogspot.com', 'squarespace.com', 'jimdo.com', 'jimdofree.com', 'weebly.com', 'webnode.fr',
  'webnode.com', 'over-blog.com', 'github.io', 'etsy.com', 'amazon.com', 'ebay.com', 'yelp.com', 'tripadvisor.com',
  'pagesjaunes.fr', 'societe.com', 'linktr.ee', 'bit.ly',
]);
