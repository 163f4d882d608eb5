// Node module hooks for the bench: the extension's modules read Vite's `import.meta.env.MODE`
// (knownChains adds the devnet chains in 'devnet' mode), which tsx does not define. Modules of
// lib/ loaded after `register()` see the devnet build's value, as the extension does.
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.includes('/lib/') || result.source == null) return result;
  const source = String(result.source);
  if (!source.includes('import.meta.env')) return result;
  return { ...result, source: source.replaceAll('import.meta.env', '({ MODE: "devnet" })') };
}
