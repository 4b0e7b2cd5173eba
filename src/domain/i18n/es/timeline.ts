export const timeline = {
  statusChange: 'Estado: {{from}} → {{to}}',
  statusSet: 'Estado fijado en {{to}}',
  order: 'Pedido {{number}} ({{status}})',
  orderDetail_one: '{{total}} por {{count}} artículo',
  orderDetail_many: '{{total}} por {{count}} artículos',
  orderDetail_other: '{{total}} por {{count}} artículos',
  interaction: '{{type}}: {{subject}}',
  task: 'Tarea: {{title}}',
  taskDone: 'Tarea hecha: {{title}}',
} as const;
