import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/security/security-headers';

const nextConfig: NextConfig = {
  // `ws` is the Node 20 WebSocket transport for supabase-js; loading it from node_modules keeps its
  // optional native add-ons (bufferutil, utf-8-validate) out of the bundler's way.
  serverExternalPackages: ['ws'],
  poweredByHeader: false,
  // The per-request Content-Security-Policy (with its script nonce) is set in proxy.ts.
  async headers() {
    const headers = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [{ source: '/:path*', headers }];
  },
};

export default nextConfig;
