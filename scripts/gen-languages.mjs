// Writes src/shared/lang/languages.json from CLDR (the cldr-core package, a devDependency): the language
// tags the import form offers and the right-to-left table used where the runtime has no Intl.Locale text
// info. Run after upgrading cldr-core: node scripts/gen-languages.mjs (a unit test says when it is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(root, '..', 'src', 'shared', 'lang', 'languages.json');

export function generateLanguages() {
  const cldr = (p) => require(`cldr-core/${p}`);
  const { languageData } = cldr('supplemental/languageData.json').supplemental;
  const { languageAlias } = cldr('supplemental/aliases.json').supplemental.metadata.alias;
  const { likelySubtags } = cldr('supplemental/likelySubtags.json').supplemental;
  const { full } = cldr('availableLocales.json').availableLocales;
  const { effectiveCoverageLevels } = cldr('coverageLevels.json');
  const { defaultContent } = cldr('defaultContent.json');
  const { scriptMetadata } = cldr('scriptMetadata.json');

  // ISO 639-1: CLDR's two-letter language codes that are not deprecated aliases.
  const iso6391 = Object.keys(languageData).filter((k) => /^[a-z]{2}$/.test(k) && !languageAlias[k]);
  const base = new Set(iso6391);
  // Common regional variants: CLDR locales with modern coverage, and each language's default region
  // (pt-BR, en-US, which CLDR keeps as default content), for ISO 639-1 languages; no variant subtags.
  const shape = /^([a-z]{2})(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;
  const regional = [...full.filter((l) => effectiveCoverageLevels[l] === 'modern'), ...defaultContent].filter(
    (l) => l.includes('-') && shape.test(l) && base.has(l.split('-')[0]),
  );
  const languages = [...new Set([...iso6391, ...regional])].sort();

  const rtlScripts = Object.keys(scriptMetadata)
    .filter((s) => scriptMetadata[s].rtl === 'YES')
    .sort();
  // Languages whose likely script is right-to-left (ar → ar-Arab-EG), for runtimes without Intl.Locale#maximize.
  const rtlLanguages = Object.entries(likelySubtags)
    .filter(([k, v]) => /^[a-z]{2,3}$/.test(k) && rtlScripts.includes(v.split('-')[1]))
    .map(([k]) => k)
    .sort();
  return {
    source: `cldr-core ${require('cldr-core/package.json').version}`,
    languages,
    rtlScripts,
    rtlLanguages,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(OUT, `${JSON.stringify(generateLanguages(), null, 2)}\n`);
  const written = JSON.parse(readFileSync(OUT, 'utf8'));
  console.log(`${OUT}: ${written.languages.length} languages, ${written.rtlLanguages.length} right-to-left`);
}
