// The product's vocabulary (statuses, sizes, channels…), bundled from the server's single source.
export {
  ACCOUNT_KINDS, ACCOUNT_SIZES, ACCOUNT_STATUSES, CHANNELS, DIRECTIONS, INTERACTION_TYPES, RELATIONSHIP_TYPES, ROLES, TIMELINE_KINDS,
} from '../../../../src/domain/customer-file';
export { COUNTRY_CODES } from '../../../../src/domain/countries';
