// autocannon 8 ships no types; the bench uses its programmatic API (README "API") untyped.
declare module 'autocannon' {
  const autocannon: (options: Record<string, unknown>) => Promise<any>;
  export default autocannon;
}
