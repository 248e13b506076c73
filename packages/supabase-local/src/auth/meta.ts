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

const EXTERNAL_PROVIDERS = [
  'anonymous_users',
  'apple',
  'azure',
  'bitbucket',
  'discord',
  'facebook',
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
  'x',
  'zoom',
];

/** GET /settings in GoTrue's shape: only e-mail is enabled here, confirmations are off (autoconfirm). */
export function settings(config: StackConfig) {
  const external: Record<string, boolean> = {};
  for (const provider of EXTERNAL_PROVIDERS) external[provider] = false;
  external.email = true;
  external.phone = false;
  return {
    external,
    disable_signup: !config.auth.enableSignup,
    mailer_autoconfirm: true,
    phone_autoconfirm: false,
    sms_provider: '',
    saml_enabled: false,
  };
}
