// El vocabulario del producto en español (véase en/labels.ts).
export const labels = {
  accountStatus: {
    suspect: 'Sospechoso', lead: 'Contacto potencial', prospect: 'Prospecto', customer: 'Cliente', ex_customer: 'Excliente', partner: 'Socio',
  },
  accountKind: { company: 'Empresa', person: 'Particular' },
  accountSize: { enterprise: 'Gran empresa', mid_market: 'Mediana empresa', small: 'Pequeña empresa' },
  relationshipType: {
    direct: 'Directa', national_account: 'Cuenta nacional', distributor: 'Distribuidor', reseller: 'Revendedor', partner: 'Socio', other: 'Otra',
  },
  channel: { email: 'Correo electrónico', phone: 'Teléfono', sms: 'SMS', post: 'Correo postal', visit: 'Visita' },
  civility: { mr: 'Sr.', ms: 'Sra.', mx: 'Mx', dr: 'Dr.' },
  orderStatus: { draft: 'Borrador', confirmed: 'Confirmado', shipped: 'Enviado', invoiced: 'Facturado', cancelled: 'Cancelado', returned: 'Devuelto' },
  orderKind: { order: 'Pedido', credit_note: 'Nota de crédito' },
  interactionType: { call: 'Llamada', email: 'Correo electrónico', meeting: 'Reunión', visit: 'Visita', chat: 'Chat', note: 'Nota' },
  direction: { inbound: 'Entrante', outbound: 'Saliente', internal: 'Interna' },
  role: { admin: 'Administrador', manager: 'Responsable', rep: 'Comercial' },
  timelineKind: { interaction: 'Interacción', order: 'Pedido', task: 'Tarea', status_change: 'Cambio de estado' },
  timelineKinds: { interaction: 'Interacciones', order: 'Pedidos', task: 'Tareas', status_change: 'Cambios de estado' },
  activity: {
    current: 'Corriente', active: 'Activo', inactive: 'Inactivo', potential: 'Potencial', probable: 'Probable', unqualified: 'Sin calificar',
    ex_customer: 'Excliente', buying_now: 'Compran ahora (corrientes o activos)',
  },
  volumeTier: { very_high: 'Muy alto', high: 'Alto', average: 'Medio', low: 'Bajo', none: 'Sin clasificar' },
  frequency: { frequent: 'Frecuente', regular: 'Regular', occasional: 'Ocasional', one_time: 'Compra única', none: 'Nunca ha comprado' },
  abc: { A: 'A', B: 'B', C: 'C', none: 'Sin clasificar' },
  rfm: {
    champions: 'Campeones', loyal: 'Leales', potential_loyalists: 'Leales en potencia', new: 'Nuevos', promising: 'Prometedores',
    need_attention: 'Requieren atención', about_to_sleep: 'A punto de dormirse', cannot_lose: 'No podemos perderlos', at_risk: 'En riesgo',
    hibernating: 'Hibernando', lost: 'Perdidos', none: 'Sin compras aún',
  },
  churnSignal: {
    overdue_repurchase: 'Recompra atrasada', shrinking_purchase_value: 'Compras menguantes', revenue_drop: 'Caída de ingresos',
    shrinking_frequency: 'Compra con menos frecuencia', probably_leaving: 'Probable abandono',
  },
  ranking: { period: 'Ingresos del periodo (Pareto)', quiet: 'Último año activo (cuentas inactivas)' },
  dimension: {
    status: 'Actividad', abc: 'Clase ABC', rfm: 'Segmento RFM', volumeTier: 'Nivel de volumen', frequency: 'Frecuencia de compra',
    country: 'País', segment: 'Segmento', sector: 'Sector', relationshipType: 'Relación', size: 'Tamaño', owner: 'Responsable',
  },
  goalMetric: {
    activeAccounts: 'Cuentas activas', newCustomers: 'Nuevos clientes', revenue: 'Ingresos', averageTicket: 'Ticket medio',
    retentionRate: 'Tasa de retención', revenueShareEnterprise: 'Cuota de ingresos de grandes empresas', revenueShareSmall: 'Cuota de ingresos de pequeñas empresas',
    enterpriseToSmallRevenue: 'Relación de ingresos grandes / pequeñas',
  },
  goalComparator: { atLeast: 'al menos', atMost: 'como máximo' },
  field: {
    id: 'ID', externalId: 'ID externo', kind: 'Tipo', name: 'Nombre', status: 'Estado', sector: 'Sector', segment: 'Segmento', size: 'Tamaño',
    relationshipType: 'Relación', country: 'País', region: 'Región', city: 'Ciudad', postalCode: 'Código postal', website: 'Sitio web',
    email: 'Correo electrónico', phone: 'Teléfono', ownerId: 'Responsable', tags: 'Etiquetas', hasInterest: 'Ha mostrado interés', hasFinancialCapacity: 'Tiene medios para comprar',
    customerSince: 'Cliente desde', customFields: 'Campos personalizados', civility: 'Tratamiento', firstName: 'Nombre', lastName: 'Apellidos',
    jobTitle: 'Cargo', birthYear: 'Año de nacimiento', preferredChannel: 'Canal preferido', consent: 'Consentimiento', doNotContact: 'No contactar',
    accountId: 'Cuenta', asOf: 'A fecha de', password: 'Contraseña', role: 'Rol', active: 'Activo', language: 'Idioma', currency: 'Moneda',
    // Los campos que rellena una importación, tal como los nombra su informe.
    accountExternalId: 'ID externo de la cuenta', accountName: 'Nombre de la cuenta', ownerEmail: 'Correo del responsable', contactEmail: 'Correo del contacto', userEmail: 'Correo del usuario',
    sku: 'Referencia', category: 'Categoría', description: 'Descripción', listPrice: 'Precio de tarifa', number: 'Número', orderNumber: 'N.º de pedido',
    cancelsOrderNumber: 'Anula el pedido', orderedAt: 'Fecha del pedido', channel: 'Canal', total: 'Total', itemCount: 'Número de artículos', quantity: 'Cantidad',
    unitPrice: 'Precio unitario', discountPercent: 'Descuento (%)', type: 'Tipo', subject: 'Asunto', body: 'Notas', direction: 'Sentido', outcome: 'Resultado',
    occurredAt: 'Fecha',
  },
  language: { en: 'English', fr: 'Français', es: 'Español' },
  yes: 'Sí',
  no: 'No',
} as const;
