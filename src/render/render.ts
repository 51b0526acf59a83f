/**
 * Model + templates -> file contents. Pure and deterministic: the same model and template set always
 * give the same files, in FILES order. Compiled templates are cached per template set for the process.
 */
import Handlebars from 'handlebars';

/** The argument type of Handlebars.template (a global interface in its typings). */
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];
import type { GlanceModel } from '../model/types.js';
import type { RenderedFile } from '../base/host-file.js';
import { FILES, pathOf, servicesOf } from './files.js';
import { type TemplateSet, templateKey } from './templates.js';

// Values are written as they are (no HTML escaping); a missing value renders empty rather than throwing,
// because presence tests ({{#if database}}) read keys that are absent until their relation is ready.
const OPTIONS = { noEscape: true, strict: false } as const;

type Compiled = (model: GlanceModel) => string;
interface Compiler {
  env: typeof Handlebars;
  cache: Map<string, Compiled>;
}
const compilers = new WeakMap<TemplateSet, Compiler>();

function compilerFor(set: TemplateSet): Compiler {
  const known = compilers.get(set);
  if (known) return known;
  // One isolated Handlebars environment per set, so partials of two sets never mix.
  const env = Handlebars.create();
  const pre = set.precompiled;
  for (const [name, source] of set.parts) {
    const spec = pre?.parts[name];
    env.registerPartial(name, spec ? env.template(spec as TemplateSpecification) : env.compile(source, OPTIONS));
  }
  const compiler = { env, cache: new Map<string, Compiled>() };
  compilers.set(set, compiler);
  return compiler;
}

function compiled(set: TemplateSet, key: string): Compiled {
  const { env, cache } = compilerFor(set);
  let template = cache.get(key);
  if (!template) {
    const source = set.files.get(key);
    if (source === undefined) throw new Error(`template ${key} is not in the set`);
    const spec = set.precompiled?.files[key];
    template = spec ? env.template<GlanceModel>(spec as TemplateSpecification) : env.compile<GlanceModel>(source, OPTIONS);
    cache.set(key, template);
  }
  return template;
}

/**
 * Partials that render nothing leave runs of blank lines behind; fold them so the files read like
 * hand-written ones. An empty result stays empty.
 */
function tidy(text: string): string {
  const folded = text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').trimEnd();
  return folded === '' ? '' : `${folded}\n`;
}

export function renderFiles(model: GlanceModel, templates: TemplateSet): RenderedFile[] {
  return FILES.filter((file) => file.when(model)).map((file) => ({
    path: pathOf(file, model),
    content: tidy(compiled(templates, templateKey(templates, model.lineage, file.template))(model)),
    owner: file.owner,
    services: servicesOf(file, model),
    syntax: file.syntax,
  }));
}
