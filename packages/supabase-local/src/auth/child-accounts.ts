import { isServerKey } from '../api-keys';
import type { ApiRequest } from '../http';
import { forbidden } from './errors';
import type { UserRow } from './users';

/**
 * Children's accounts (a local rule; hosted has no such switch, see the README): an auth user whose
 * app_metadata says `account_type: 'child'` proves who they are to the product (a PIN), never to
 * Auth. Their password is the server's secret, so Auth accepts it only on a request made with a
 * server key (service_role or secret), i.e. from the product's own sign-in code, and a child can never
 * set one through PUT /user: a self-set password must not let a child in. app_metadata is writable
 * only through the admin API, so a child cannot take the mark off.
 */
export function isChildAccount(user: Pick<UserRow, 'raw_app_meta_data'>): boolean {
  return user.raw_app_meta_data?.account_type === 'child';
}

export function mayUsePassword(user: Pick<UserRow, 'raw_app_meta_data'>, req: Pick<ApiRequest, 'apiKey'>): boolean {
  return !isChildAccount(user) || isServerKey(req.apiKey);
}

export const childPasswordChangeRefused = () =>
  forbidden('not_admin', 'Updating the password of a child account requires admin privileges');
