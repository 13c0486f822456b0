// A package README's example: the first code block under `## Example`, and the `text` block
// after it that says what it prints.
export function readmeExample(markdown) {
  const section = markdown.split(/^## Example\s*$/m)[1]?.split(/^## /m)[0];
  if (section === undefined) throw new Error("the README has no `## Example` section");
  const blocks = [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map(([, lang, code]) => ({ lang, code }));
  const [example, output] = blocks;
  if (!example || (example.lang !== "js" && example.lang !== "sh")) throw new Error("`## Example` must start with a js or sh code block");
  if (!output || output.lang !== "text") throw new Error("`## Example` must show what the example prints in a text block after it");
  return { lang: example.lang, code: example.code, prints: output.code };
}
