// Le vocabulaire du produit en français (voir en/labels.ts).
export const labels = {
  accountStatus: {
    suspect: 'Suspect', lead: 'Piste', prospect: 'Prospect', customer: 'Client', ex_customer: 'Ancien client', partner: 'Partenaire',
  },
  accountKind: { company: 'Entreprise', person: 'Particulier' },
  accountSize: { enterprise: 'Grande entreprise', mid_market: 'ETI', small: 'Petite entreprise' },
  relationshipType: {
    direct: 'Direct', national_account: 'Grand compte national', distributor: 'Distributeur', reseller: 'Revendeur', partner: 'Partenaire', other: 'Autre',
  },
  channel: { email: 'E-mail', phone: 'Téléphone', sms: 'SMS', post: 'Courrier', visit: 'Visite' },
  civility: { mr: 'M.', ms: 'Mme', mx: 'Mx', dr: 'Dr' },
  orderStatus: { draft: 'Brouillon', confirmed: 'Confirmée', shipped: 'Expédiée', invoiced: 'Facturée', cancelled: 'Annulée', returned: 'Retournée' },
  orderKind: { order: 'Commande', credit_note: 'Avoir' },
  interactionType: { call: 'Appel', email: 'E-mail', meeting: 'Réunion', visit: 'Visite', chat: 'Discussion', note: 'Note' },
  direction: { inbound: 'Entrant', outbound: 'Sortant', internal: 'Interne' },
  role: { admin: 'Administrateur', manager: 'Responsable', rep: 'Commercial' },
  timelineKind: { interaction: 'Échange', order: 'Commande', task: 'Tâche', status_change: 'Changement de statut' },
  timelineKinds: { interaction: 'Échanges', order: 'Commandes', task: 'Tâches', status_change: 'Changements de statut' },
  activity: {
    current: 'Courant', active: 'Actif', inactive: 'Inactif', potential: 'Potentiel', probable: 'Probable', unqualified: 'Non qualifié',
    ex_customer: 'Ancien client', buying_now: 'Achètent en ce moment (courants ou actifs)',
  },
  volumeTier: { very_high: 'Très élevé', high: 'Élevé', average: 'Moyen', low: 'Faible', none: 'Non classé' },
  frequency: { frequent: 'Fréquent', regular: 'Régulier', occasional: 'Occasionnel', one_time: 'Achat unique', none: 'Jamais acheté' },
  abc: { A: 'A', B: 'B', C: 'C', none: 'Non classé' },
  rfm: {
    champions: 'Champions', loyal: 'Fidèles', potential_loyalists: 'Fidèles en devenir', new: 'Nouveaux', promising: 'Prometteurs',
    need_attention: 'À surveiller', about_to_sleep: 'En perte de vitesse', cannot_lose: 'À ne pas perdre', at_risk: 'À risque',
    hibernating: 'En sommeil', lost: 'Perdus', none: 'Aucun achat',
  },
  churnSignal: {
    overdue_repurchase: 'Réachat en retard', shrinking_purchase_value: 'Achats en baisse', revenue_drop: 'Chute du chiffre d’affaires',
    shrinking_frequency: 'Achète moins souvent', probably_leaving: 'Départ probable',
  },
  ranking: { period: 'Chiffre d’affaires de la période (Pareto)', quiet: 'Dernière année active (comptes silencieux)' },
  dimension: {
    status: 'Activité', abc: 'Classe ABC', rfm: 'Segment RFM', volumeTier: 'Niveau de volume', frequency: 'Fréquence d’achat',
    country: 'Pays', segment: 'Segment', sector: 'Secteur', relationshipType: 'Relation', size: 'Taille', owner: 'Responsable du compte',
  },
  goalMetric: {
    activeAccounts: 'Comptes actifs', newCustomers: 'Nouveaux clients', revenue: 'Chiffre d’affaires', averageTicket: 'Panier moyen',
    retentionRate: 'Taux de fidélisation', revenueShareEnterprise: 'Part du CA des grandes entreprises', revenueShareSmall: 'Part du CA des petites entreprises',
    enterpriseToSmallRevenue: 'Rapport CA grandes / petites entreprises',
  },
  goalComparator: { atLeast: 'au moins', atMost: 'au plus' },
  field: {
    id: 'ID', externalId: 'ID externe', kind: 'Type', name: 'Nom', status: 'Statut', sector: 'Secteur', segment: 'Segment', size: 'Taille',
    relationshipType: 'Relation', country: 'Pays', region: 'Région', city: 'Ville', postalCode: 'Code postal', website: 'Site web',
    email: 'E-mail', phone: 'Téléphone', ownerId: 'Responsable', tags: 'Étiquettes', hasInterest: 'A manifesté de l’intérêt', hasFinancialCapacity: 'A les moyens d’acheter',
    customerSince: 'Client depuis', customFields: 'Champs personnalisés', civility: 'Civilité', firstName: 'Prénom', lastName: 'Nom',
    jobTitle: 'Fonction', birthYear: 'Année de naissance', preferredChannel: 'Canal préféré', consent: 'Consentement', doNotContact: 'Ne pas contacter',
    accountId: 'Compte', asOf: 'À la date du', password: 'Mot de passe', role: 'Rôle', active: 'Actif', language: 'Langue', currency: 'Devise',
    // Les champs qu’un import remplit, tels que son rapport les nomme.
    accountExternalId: 'ID externe du compte', accountName: 'Nom du compte', ownerEmail: 'E-mail du responsable', contactEmail: 'E-mail du contact', userEmail: 'E-mail de l’utilisateur',
    sku: 'Référence', category: 'Catégorie', description: 'Description', listPrice: 'Prix catalogue', number: 'Numéro', orderNumber: 'N° de commande',
    cancelsOrderNumber: 'Annule la commande', orderedAt: 'Date de commande', channel: 'Canal', total: 'Total', itemCount: 'Nombre d’articles', quantity: 'Quantité',
    unitPrice: 'Prix unitaire', discountPercent: 'Remise (%)', type: 'Type', subject: 'Objet', body: 'Notes', direction: 'Sens', outcome: 'Résultat',
    occurredAt: 'Date',
  },
  language: { en: 'English', fr: 'Français', es: 'Español' },
  yes: 'Oui',
  no: 'Non',
} as const;
