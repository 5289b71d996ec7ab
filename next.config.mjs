/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addon: must be loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
