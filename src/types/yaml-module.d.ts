/** YAML files imported from the sources are parsed at build time (esbuild.js). */
declare module '*.yaml' {
  const value: unknown;
  export default value;
}
