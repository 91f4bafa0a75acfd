import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [key: string]: string | Tree };

/**
 * The shell's strings (en.json, zh-CN.json here) plus one pair of files per feature area under
 * `i18n/<area>/{en,zh-CN}.json`, so areas can be built side by side without editing one shared file.
 * Each area file holds its own top-level key (e.g. `ruleSets`); a key defined twice is a mistake and throws.
 */
const areaFiles = import.meta.glob<{ default: Tree }>('./*/*.json', { eager: true });

function merge(into: Tree, from: Tree, path: string): Tree {
  for (const [k, v] of Object.entries(from)) {
    const here = into[k];
    if (here === undefined) into[k] = v;
    else if (typeof here === 'object' && typeof v === 'object') merge(here, v, `${path}${k}.`);
    else throw new Error(`i18n key ${path}${k} is defined twice`);
  }
  return into;
}

function build(language: 'en' | 'zh-CN', base: Tree): Tree {
  const out = structuredClone(base);
  for (const [file, mod] of Object.entries(areaFiles)) if (file.endsWith(`/${language}.json`)) merge(out, mod.default, '');
  return out;
}

export const resources = { en: build('en', en as Tree), 'zh-CN': build('zh-CN', zhCN as Tree) };
