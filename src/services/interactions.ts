import { ClienteleError } from '../domain/errors.js';
import type { Interaction, InteractionCreate, InteractionListQuery, InteractionPatch } from '../domain/schemas/interaction.js';
import { accountRecordService, requireActiveUser } from './account-records.js';

export const interactions = accountRecordService<Interaction, InteractionCreate, InteractionPatch, InteractionListQuery>({
  entity: 'interaction',
  label: 'Interaction',
  repository: (store) => store.interactions,
  defaults: (ctx, input) => ({
    ...input,
    occurredAt: input.occurredAt ?? new Date().toISOString(),
    userId: input.userId === undefined ? (ctx.actor.userId || null) : input.userId,
  }),
  async check(ctx, input, accountId, current) {
    await requireActiveUser(ctx, input.userId, 'userId');
    // Moving to another account must not carry along a contact of the first one.
    const contactId = input.contactId !== undefined ? input.contactId : current && current.accountId !== accountId ? current.contactId : null;
    if (contactId !== null) {
      const contact = await ctx.store.contacts.get(contactId);
      if (!contact || contact.accountId !== accountId) {
        throw new ClienteleError('invalid', `Contact ${contactId} is not a contact of account ${accountId}.`, 'contactId');
      }
    }
  },
});
