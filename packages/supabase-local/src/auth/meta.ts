import type { StackConfig } from '../config';

/** The GoTrue version the Supabase CLI pins; clients only display it. */
export const GOTRUE_VERSION = 'v2.189.0';

export function health() {
  return {
    version: GOTRUE_VERSION,
    name: 'GoTrue',
    description: 'GoTrue is a user registration and authentication API',
  };
}

// ProviderSettings of GoTrue v2.189.0 (api/settings.go), in its field order.
const EXTERNAL_PROVIDERS = [
  'anonymous_users',
  'apple',
  'azure',
  'bitbucket',
  'discord',
  'facebook',
  'snapchat',
  'figma',
  'fly',
  'github',
  'gitlab',
  'google',
  'keycloak',
  'kakao',
  'linkedin',
  'linkedin_oidc',
  'notion',
  'spotify',
  'slack',
  'slack_oidc',
  'workos',
  'twitch',
  'twitter',
  'email',
  'phone',
  'zoom',
];

/**
 * GET /settings in GoTrue's shape, from config.toml as the CLI maps it: `external.email` is
 * `[auth.email] enable_signup`, `anonymous_users` the anonymous switch, `mailer_autoconfirm` the
 * inverse of `enable_confirmations`. No OAuth, phone, SAML or passkeys here.
 */
export function settings(config: StackConfig) {
  const external: Record<string, boolean> = {};
  for (const provider of EXTERNAL_PROVIDERS) external[provider] = false;
  external.anonymous_users = config.auth.enableAnonymousSignIns;
  external.email = config.auth.email.enableSignup;
  return {
    external,
    disable_signup: !config.auth.enableSignup,
    mailer_autoconfirm: !config.auth.email.enableConfirmations,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
    passkeys_enabled: false,
  };
}
