// What each import target accepts: its fields, the names a column may carry for each in
// English, French and Spanish, and how a cell becomes a value. Linking fields (accountExternalId,
// accountName, orderNumber, sku…) name records by natural keys, never by internal ids.
import {
  ACCOUNT_KINDS, ACCOUNT_SIZES, ACCOUNT_STATUSES, CHANNELS, CIVILITIES, DIRECTIONS, INTERACTION_TYPES,
  ORDER_CHANNELS, ORDER_STATUSES, RELATIONSHIP_TYPES,
} from '../domain/customer-file.js';
import type { DateFormat } from './dates.js';
import { recognizeCountry, saysNoCountry } from './country-names.js';
import { unescapeFormula } from './formula-escape.js';
import {
  parseBoolean, parseChoice, parseCountry, parseCurrency, parseDateText, parseInteger, parseJsonObject, parseList, parseMoneyText, type Parsed,
} from './values.js';

import { IMPORT_TARGETS, type ImportTarget } from '../domain/import-vocabulary.js';

export { IMPORT_TARGETS, type ImportTarget };

export interface ParseOptions {
  dateFormat: DateFormat;
  decimalComma: boolean;
}

export type FieldKind = 'text' | 'email' | 'money' | 'price' | 'integer' | 'boolean' | 'date' | 'country' | 'currency' | 'place' | 'choice' | 'list' | 'json';

/** A 'place' cell: the country it names, or the text of a place that is no country ("Channel Islands"). */
export interface Place {
  country?: string;
  region?: string;
}

export interface FieldSpec {
  field: string;
  names: readonly string[];
  kind: FieldKind;
  required?: boolean;
  maxLength?: number;
  choices?: readonly string[];
  synonyms?: Record<string, string>;
}

const text = (field: string, names: string[], maxLength = 200, required = false): FieldSpec => ({ field, names, kind: 'text', maxLength, required });
/** An order's own currency (ISO 4217); absent or empty: the organisation's. */
const CURRENCY: FieldSpec = { field: 'currency', names: ['currency code', 'ccy', 'devise', 'monnaie', 'moneda', 'divisa'], kind: 'currency' };
const choice = (field: string, names: string[], choices: readonly string[], synonyms: Record<string, string> = {}): FieldSpec => ({ field, names, kind: 'choice', choices, synonyms });

const EMAIL = ['e-mail', 'mail', 'email address', 'courriel', 'adresse e-mail', 'adresse mail', 'correo', 'correo electronico', 'e-mail address'];
const PHONE = ['phone number', 'telephone', 'tel', 'tél', 'mobile', 'portable', 'téléphone', 'teléfono', 'telefono', 'movil', 'móvil'];
const ACCOUNT_REF = ['account id', 'account external id', 'customer id', 'customerid', 'customer', 'client id', 'code client', 'n client', 'numero client', 'id client', 'id cliente', 'codigo cliente', 'customer_id', 'customer number'];
const ACCOUNT_NAME_REF = ['account', 'account name', 'company', 'company name', 'société', 'entreprise', 'raison sociale', 'empresa', 'razón social', 'cliente'];

const STATUS_SYNONYMS: Record<string, string> = {
  client: 'customer', cliente: 'customer', active: 'customer', actif: 'customer',
  exclient: 'ex_customer', ancienclient: 'ex_customer', excliente: 'ex_customer', former: 'ex_customer', formercustomer: 'ex_customer', churned: 'ex_customer', perdu: 'ex_customer',
  partenaire: 'partner', socio: 'partner', prospecto: 'prospect', piste: 'lead', contacto: 'lead', suspect: 'suspect',
};

export const TARGET_FIELDS: Record<ImportTarget, readonly FieldSpec[]> = {
  accounts: [
    text('externalId', ['id', 'external id', 'account id', 'customer id', 'customerid', 'customer_id', 'code client', 'n client', 'numero client', 'id client', 'id cliente', 'codigo cliente', 'código cliente', 'customer number'], 100),
    text('name', ['account name', 'company', 'company name', 'customer name', 'nom', 'raison sociale', 'société', 'societe', 'entreprise', 'nombre', 'razón social', 'empresa', 'cliente'], 200, true),
    choice('kind', ['type of account', 'account type', 'type de compte', 'tipo de cuenta'], ACCOUNT_KINDS, { entreprise: 'company', societe: 'company', empresa: 'company', b2b: 'company', particulier: 'person', individual: 'person', persona: 'person', b2c: 'person' }),
    choice('status', ['lifecycle status', 'stage', 'statut', 'état', 'estado', 'etapa'], ACCOUNT_STATUSES, STATUS_SYNONYMS),
    text('sector', ['industry', 'secteur', "secteur d'activité", 'activité', 'sector', 'industria'], 100),
    text('segment', ['customer segment', 'segmento'], 100),
    choice('size', ['company size', 'taille', 'tamaño', 'tamano'], ACCOUNT_SIZES, { large: 'enterprise', grande: 'enterprise', grandeentreprise: 'enterprise', midmarket: 'mid_market', medium: 'mid_market', eti: 'mid_market', mediana: 'mid_market', pme: 'small', sme: 'small', pequena: 'small', tpe: 'small' }),
    choice('relationshipType', ['relationship', 'relationship type', 'type de relation', 'relation', 'tipo de relación', 'canal'], RELATIONSHIP_TYPES, { distributeur: 'distributor', distribuidor: 'distributor', revendeur: 'reseller', revendedor: 'reseller', partenaire: 'partner', grandcompte: 'national_account', keyaccount: 'national_account', nationalaccount: 'national_account', directe: 'direct', directo: 'direct', autre: 'other', otro: 'other' }),
    { field: 'country', names: ['country code', 'pays', 'país', 'pais', 'land'], kind: 'country' },
    text('region', ['state', 'province', 'région', 'región', 'departement', 'département'], 100),
    text('city', ['town', 'ville', 'ciudad', 'localité', 'localidad', 'commune'], 100),
    text('postalCode', ['zip', 'zip code', 'postcode', 'postal code', 'code postal', 'cp', 'código postal', 'codigo postal'], 20),
    text('website', ['web', 'site', 'site web', 'site internet', 'url', 'sitio web', 'web site', 'domain', 'domaine'], 200),
    { field: 'email', names: EMAIL, kind: 'email' },
    text('phone', PHONE, 40),
    { field: 'ownerEmail', names: ['owner', 'owner email', 'account owner', 'sales rep', 'rep', 'commercial', 'responsable', 'vendeur', 'comercial', 'vendedor'], kind: 'email' },
    { field: 'tags', names: ['labels', 'étiquettes', 'etiquetas', 'mots clés'], kind: 'list' },
    { field: 'hasInterest', names: ['interested', 'interest', 'intéressé', 'interesado'], kind: 'boolean' },
    { field: 'hasFinancialCapacity', names: ['financial capacity', 'solvent', 'solvable', 'capacité financière', 'solvente'], kind: 'boolean' },
    { field: 'customerSince', names: ['customer since', 'client since', 'client depuis', 'cliente desde', 'since', 'relationship start', 'first purchase'], kind: 'date' },
    // A JSON object, as exports write the custom fields so that they come back with their types.
    { field: 'customFields', names: ['custom fields', 'champs personnalisés', 'campos personalizados'], kind: 'json' },
  ],
  contacts: [
    text('externalId', ['id', 'contact id', 'external id', 'id contact', 'id contacto'], 100),
    text('accountExternalId', ACCOUNT_REF, 100),
    text('accountName', ACCOUNT_NAME_REF, 200),
    choice('civility', ['salutation', 'civilité', 'tratamiento'], CIVILITIES, { mr: 'mr', m: 'mr', monsieur: 'mr', sr: 'mr', senor: 'mr', mrs: 'ms', miss: 'ms', mme: 'ms', madame: 'ms', mlle: 'ms', sra: 'ms', senora: 'ms', doctor: 'dr', docteur: 'dr' }),
    text('firstName', ['first name', 'firstname', 'given name', 'prénom', 'prenom', 'nombre'], 100),
    text('lastName', ['last name', 'lastname', 'surname', 'family name', 'nom', 'nom de famille', 'apellido', 'apellidos'], 100, true),
    text('jobTitle', ['job title', 'title', 'position', 'role', 'fonction', 'poste', 'cargo', 'puesto'], 150),
    { field: 'email', names: EMAIL, kind: 'email' },
    text('phone', PHONE, 40),
    { field: 'birthYear', names: ['birth year', 'year of birth', 'année de naissance', 'año de nacimiento'], kind: 'integer' },
    choice('preferredChannel', ['preferred channel', 'channel', 'canal préféré', 'canal preferido', 'canal'], CHANNELS, { courriel: 'email', mail: 'email', correo: 'email', telephone: 'phone', telefono: 'phone', courrier: 'post', correopostal: 'post', visite: 'visit', visita: 'visit', texto: 'sms' }),
    { field: 'doNotContact', names: ['do not contact', 'opt out', 'opt-out', 'ne pas contacter', 'no contactar'], kind: 'boolean' },
  ],
  products: [
    text('sku', ['stock code', 'stockcode', 'product code', 'item code', 'reference', 'référence', 'ref', 'code produit', 'código', 'codigo', 'referencia'], 64, true),
    text('name', ['product', 'product name', 'description', 'designation', 'désignation', 'libellé', 'nom', 'producto', 'nombre', 'descripción'], 200, true),
    text('category', ['family', 'product category', 'catégorie', 'famille', 'categoría', 'familia'], 100),
    { field: 'listPrice', names: ['price', 'list price', 'unit price', 'prix', 'prix unitaire', 'tarif', 'precio', 'precio unitario'], kind: 'money', required: true },
  ],
  orders: [
    text('number', ['order number', 'order id', 'order', 'invoice', 'invoice number', 'invoiceno', 'numéro de commande', 'commande', 'facture', 'n facture', 'pedido', 'número de pedido', 'factura'], 64, true),
    text('accountExternalId', ACCOUNT_REF, 100),
    text('accountName', ACCOUNT_NAME_REF, 200),
    { field: 'orderedAt', names: ['date', 'order date', 'invoice date', 'invoicedate', 'date de commande', 'date facture', 'fecha', 'fecha de pedido'], kind: 'date', required: true },
    choice('channel', ['sales channel', 'canal de vente', 'canal de venta'], ORDER_CHANNELS, { magasin: 'store', tienda: 'store', internet: 'web', online: 'web', telephone: 'phone', telefono: 'phone', directe: 'direct', directo: 'direct' }),
    choice('status', ['order status', 'statut', 'estado'], ORDER_STATUSES, { confirmee: 'confirmed', confirmado: 'confirmed', expediee: 'shipped', enviado: 'shipped', facturee: 'invoiced', facturado: 'invoiced', annulee: 'cancelled', cancelado: 'cancelled', canceled: 'cancelled', retournee: 'returned', devuelto: 'returned' }),
    { field: 'total', names: ['amount', 'total amount', 'dollar value', 'dollar_value', 'value', 'montant', 'montant total', 'total ttc', 'total ht', 'importe', 'importe total'], kind: 'money', required: true },
    { field: 'itemCount', names: ['items', 'quantity', 'number of cds', 'number_of_cds', 'qty', 'nombre d\'articles', 'quantité', 'cantidad', 'articulos'], kind: 'integer' },
    CURRENCY,
  ],
  'order-lines': [
    text('orderNumber', ['invoice', 'invoiceno', 'invoice no', 'invoice number', 'order', 'order number', 'order id', 'facture', 'n facture', 'commande', 'numéro de commande', 'factura', 'pedido'], 64, true),
    text('accountExternalId', ACCOUNT_REF, 100),
    text('accountName', ACCOUNT_NAME_REF, 200),
    // A shop's export names its customers' countries as it likes; what is no country is kept as text.
    { field: 'country', names: ['pays', 'país', 'pais', 'land'], kind: 'place' },
    { field: 'orderedAt', names: ['date', 'invoicedate', 'invoice date', 'order date', 'date facture', 'date de commande', 'fecha'], kind: 'date', required: true },
    text('sku', ['stockcode', 'stock code', 'product code', 'item code', 'product', 'référence', 'ref', 'code produit', 'código', 'referencia'], 64),
    text('description', ['product name', 'item', 'designation', 'désignation', 'libellé', 'descripción'], 500),
    { field: 'quantity', names: ['qty', 'quantité', 'cantidad'], kind: 'integer', required: true },
    { field: 'unitPrice', names: ['unitprice', 'unit price', 'price', 'prix', 'prix unitaire', 'precio', 'precio unitario'], kind: 'price', required: true },
    { field: 'discountPercent', names: ['discount', 'discount %', 'remise', 'remise %', 'descuento'], kind: 'money' },
    // A credit note's line may name the invoice it cancels or returns goods from.
    text('cancelsOrderNumber', ['cancels', 'cancels invoice', 'cancelled invoice', 'original invoice', 'original invoice no', 'originalinvoiceno', 'credited invoice', 'returned invoice', "facture d'origine", 'facture annulée', 'factura original', 'factura anulada'], 64),
    CURRENCY,
  ],
  interactions: [
    text('accountExternalId', ACCOUNT_REF, 100),
    text('accountName', ACCOUNT_NAME_REF, 200),
    { field: 'contactEmail', names: ['contact', 'contact email', 'email contact', 'courriel contact', 'correo contacto'], kind: 'email' },
    choice('type', ['interaction type', 'activity type', 'activity', 'type', 'tipo', 'type d\'interaction'], INTERACTION_TYPES, { appel: 'call', llamada: 'call', phonecall: 'call', courriel: 'email', correo: 'email', reunion: 'meeting', rendezvous: 'meeting', rdv: 'meeting', visite: 'visit', visita: 'visit', note: 'note', nota: 'note' }),
    choice('direction', ['sens', 'dirección', 'direccion'], DIRECTIONS, { entrant: 'inbound', entrante: 'inbound', in: 'inbound', sortant: 'outbound', saliente: 'outbound', out: 'outbound', interne: 'internal', interno: 'internal' }),
    text('subject', ['title', 'summary', 'objet', 'sujet', 'asunto'], 200, true),
    text('body', ['notes', 'details', 'description', 'comment', 'commentaire', 'compte rendu', 'detalle', 'comentario'], 20000),
    { field: 'occurredAt', names: ['date', 'when', 'occurred at', 'date de l\'interaction', 'fecha'], kind: 'date', required: true },
    { field: 'userEmail', names: ['user', 'by', 'author', 'rep', 'auteur', 'commercial', 'usuario', 'autor'], kind: 'email' },
    text('outcome', ['result', 'résultat', 'resultado', 'issue'], 200),
  ],
};

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Converts one cell for one field; empty cells are absent values, not errors. */
export function parseCell(spec: FieldSpec, raw: string, options: ParseOptions): Parsed<unknown> | undefined {
  const value = unescapeFormula(raw.trim());
  if (value === '') return undefined;
  switch (spec.kind) {
    case 'text':
      return spec.maxLength && value.length > spec.maxLength
        ? { ok: false, reason: `is longer than ${spec.maxLength} characters` }
        : { ok: true, value };
    case 'email':
      return EMAIL_PATTERN.test(value) && value.length <= 254 ? { ok: true, value: value.toLowerCase() } : { ok: false, reason: 'is not an email address' };
    case 'money': return parseMoneyText(value, options.decimalComma);
    case 'price': return parseMoneyText(value, options.decimalComma, 4);
    case 'integer': return parseInteger(value);
    case 'boolean': return parseBoolean(value);
    case 'date': return parseDateText(value, options.dateFormat);
    case 'country': return parseCountry(value);
    case 'currency': return parseCurrency(value);
    case 'place': return { ok: true, value: parsePlace(value) };
    case 'choice': return parseChoice(value, spec.choices ?? [], spec.synonyms as Record<string, string>);
    case 'list': return parseList(value);
    case 'json': return parseJsonObject(value);
  }
}

function parsePlace(text: string): Place {
  const country = recognizeCountry(text);
  if (country) return { country };
  return saysNoCountry(text) ? {} : { region: text.slice(0, 100) };
}
