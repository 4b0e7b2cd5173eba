// The account timeline's entries in English words, for the API's titles, the CLI and the web app.
export const timeline = {
  statusChange: 'Status: {{from}} → {{to}}',
  statusSet: 'Status set to {{to}}',
  order: 'Order {{number}} ({{status}})',
  orderDetail_one: '{{total}} for {{count}} item',
  orderDetail_other: '{{total}} for {{count}} items',
  interaction: '{{type}}: {{subject}}',
  task: 'Task: {{title}}',
  taskDone: 'Task done: {{title}}',
} as const;
