import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // `ws` is the Node 20 WebSocket transport for supabase-js; loading it from node_modules keeps its
  // optional native add-ons (bufferutil, utf-8-validate) out of the bundler's way.
  serverExternalPackages: ['ws'],
  poweredByHeader: false,
};

export default nextConfig;
