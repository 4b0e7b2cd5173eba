// What the demo company sells: a B2B supplier of equipment, supplies and services. Each sector
// buys mostly from a few categories, which gives product mixes something to show.
import type { PortfolioProduct } from '../../domain/portfolio-records.js';

export const SECTORS = [
  'retail', 'manufacturing', 'healthcare', 'software', 'hospitality', 'logistics', 'construction',
  'education', 'professional services', 'public administration',
] as const;
export type DemoSector = (typeof SECTORS)[number];

export const SECTOR_WEIGHTS: Record<DemoSector, number> = {
  retail: 16, manufacturing: 16, healthcare: 10, software: 10, hospitality: 9, logistics: 9,
  construction: 10, education: 6, 'professional services': 9, 'public administration': 5,
};

const CATEGORY_CODES = {
  'Office supplies': 'OFF',
  'IT hardware': 'ITH',
  Software: 'SFT',
  Furniture: 'FUR',
  'Safety equipment': 'SAF',
  Packaging: 'PKG',
  'Maintenance services': 'MNT',
  Training: 'TRN',
} as const;
export type DemoCategory = keyof typeof CATEGORY_CODES;

export const SECTOR_CATEGORIES: Record<DemoSector, readonly DemoCategory[]> = {
  retail: ['Packaging', 'Office supplies', 'IT hardware', 'Furniture'],
  manufacturing: ['Safety equipment', 'Packaging', 'Maintenance services', 'Training'],
  healthcare: ['Office supplies', 'IT hardware', 'Software', 'Safety equipment'],
  software: ['IT hardware', 'Software', 'Furniture', 'Training'],
  hospitality: ['Furniture', 'Office supplies', 'Packaging', 'Maintenance services'],
  logistics: ['Packaging', 'Safety equipment', 'IT hardware', 'Maintenance services'],
  construction: ['Safety equipment', 'Maintenance services', 'Training', 'IT hardware'],
  education: ['Office supplies', 'IT hardware', 'Furniture', 'Training'],
  'professional services': ['Office supplies', 'Software', 'IT hardware', 'Training'],
  'public administration': ['Office supplies', 'Software', 'Furniture', 'IT hardware'],
};

/** [name, list price in euros, still sold] per category. */
const CATALOGUE: Record<DemoCategory, readonly (readonly [string, number, boolean?])[]> = {
  'Office supplies': [
    ['A4 copy paper 80 g, box of 5 reams', 24.9], ['Ballpoint pens, box of 50', 12.5], ['Lever arch files, pack of 10', 29.0],
    ['Sticky notes, pack of 24', 18.4], ['Toner cartridge, black', 89.0], ['Toner cartridge, colour set', 239.0],
    ['Desk organiser', 21.5], ['Whiteboard markers, pack of 12', 14.9], ['Inkjet cartridges, multipack', 54.0, false],
  ],
  'IT hardware': [
    ['Business laptop 14"', 1149.0], ['Business laptop 16"', 1449.0], ['27" monitor', 289.0], ['Docking station USB-C', 179.0],
    ['Wireless keyboard and mouse', 69.0], ['Network switch, 24 ports', 449.0], ['Rugged tablet', 899.0],
    ['Barcode scanner', 219.0], ['Desktop PC, compact', 799.0, false],
  ],
  Software: [
    ['Office suite licence, per user per year', 126.0], ['Endpoint security, per device per year', 39.0],
    ['Cloud backup, 1 TB per year', 240.0], ['Accounting software, per year', 690.0], ['Project management, 10 users per year', 1180.0],
    ['Document management, per user per year', 96.0],
  ],
  Furniture: [
    ['Ergonomic office chair', 389.0], ['Height-adjustable desk', 649.0], ['Meeting table, 8 seats', 1290.0],
    ['Storage cabinet, lockable', 459.0], ['Acoustic panel', 219.0], ['Reception counter', 2450.0], ['Classroom chair', 79.0],
  ],
  'Safety equipment': [
    ['Safety gloves, pack of 12 pairs', 38.0], ['Safety helmet', 24.5], ['High-visibility vest, pack of 10', 45.0],
    ['Safety shoes S3', 89.0], ['First aid kit, workplace', 64.0], ['Fire extinguisher 6 kg', 119.0], ['Ear defenders', 29.0],
    ['Fall arrest harness', 189.0],
  ],
  Packaging: [
    ['Cardboard boxes, 400×300×300, pack of 25', 31.0], ['Stretch film, 6 rolls', 58.0], ['Packing tape, 36 rolls', 49.0],
    ['Pallet, Euro EPAL', 14.5], ['Bubble wrap roll, 100 m', 36.0], ['Paper carrier bags, 250', 67.0], ['Shipping labels, 2,000', 42.0, false],
  ],
  'Maintenance services': [
    ['Annual maintenance contract, equipment', 2400.0], ['On-site repair, half day', 420.0], ['Preventive inspection visit', 290.0],
    ['HVAC servicing', 860.0], ['Extended warranty, 3 years', 310.0],
  ],
  Training: [
    ['On-site training day', 1450.0], ['First aid course, per person', 190.0], ['Forklift licence course, per person', 540.0],
    ['Software onboarding workshop', 780.0], ['E-learning seat, per year', 120.0],
  ],
};

export function demoCatalogue(): PortfolioProduct[] {
  const products: PortfolioProduct[] = [];
  for (const [category, items] of Object.entries(CATALOGUE) as [DemoCategory, (typeof CATALOGUE)[DemoCategory]][]) {
    items.forEach(([name, euros, active = true], index) => {
      products.push({
        sku: `${CATEGORY_CODES[category]}-${String(101 + index)}`,
        name,
        category,
        listPriceCents: Math.round(euros * 100),
        active,
      });
    });
  }
  return products;
}
