/** The module text of the precompiled template tree (see precompile-templates.mjs). */
export function precompiledModule(templatesDir: string): string;
