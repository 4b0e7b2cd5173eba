export const timeline = {
  statusChange: 'Statut : {{from}} → {{to}}',
  statusSet: 'Statut fixé à {{to}}',
  order: 'Commande {{number}} ({{status}})',
  orderDetail_one: '{{total}} pour {{count}} article',
  orderDetail_many: '{{total}} pour {{count}} articles',
  orderDetail_other: '{{total}} pour {{count}} articles',
  interaction: '{{type}} : {{subject}}',
  task: 'Tâche : {{title}}',
  taskDone: 'Tâche faite : {{title}}',
} as const;
