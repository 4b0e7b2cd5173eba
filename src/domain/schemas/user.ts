import { Type, type Static } from 'typebox';
import { LANGUAGES } from '../i18n/languages.js';
import { ROLES } from '../customer-file.js';
import { DateTime, Email, Enum, Id, Name, Nullable, Text, Timestamps, strict } from './common.js';

export const UserSchema = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  role: Enum(ROLES),
  active: Type.Boolean(),
  language: Nullable(Enum(LANGUAGES, 'The language chosen for the web app; null follows the browser')),
  ...Timestamps,
}, { $id: 'User' });
export type User = Static<typeof UserSchema>;

/** A user as a rep who sees only their own accounts reads the others: who they are, no more. */
export const UserNameSchema = Type.Object({ id: Id, name: Type.String(), active: Type.Boolean() }, { $id: 'UserName' });
export type UserName = Static<typeof UserNameSchema>;

export const Password = Type.String({ minLength: 10, maxLength: 200, description: 'At least 10 characters' });

export const UserCreateSchema = Type.Object({
  email: Email,
  name: Name(),
  role: Enum(ROLES),
  password: Password,
}, { ...strict, $id: 'UserCreate' });
export type UserCreate = Static<typeof UserCreateSchema>;

export const UserPatchSchema = Type.Partial(Type.Object({
  name: Name(),
  role: Enum(ROLES),
  active: Type.Boolean(),
  language: Nullable(Enum(LANGUAGES)),
  password: Password,
}), { ...strict, minProperties: 1, $id: 'UserPatch' });
export type UserPatch = Static<typeof UserPatchSchema>;

export const SignInSchema = Type.Object({ email: Text(254, { minLength: 1 }), password: Text(200, { minLength: 1 }) }, strict);

export const ApiTokenSchema = Type.Object({
  id: Id,
  name: Type.String(),
  prefix: Type.String({ description: 'First characters of the token, to recognise it' }),
  createdAt: DateTime,
  lastUsedAt: Nullable(DateTime),
});
export type ApiToken = Static<typeof ApiTokenSchema>;

export const ApiTokenCreateSchema = Type.Object({ name: Name(100) }, strict);
