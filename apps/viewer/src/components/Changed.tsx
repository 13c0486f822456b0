import type { ComponentChildren } from "preact";
import type { Highlight } from "../model/highlights.js";

/**
 * A value that may have changed between two compared versions: shown as old -> new, with the
 * old value struck through. Screen readers hear both, in order.
 */
export function Changed({
  highlight,
  format,
  children,
}: {
  highlight: Highlight | undefined;
  format: (value: number | string | null) => string;
  children: ComponentChildren;
}) {
  if (!highlight) return <>{children}</>;
  if (highlight.from === null && highlight.to === null) return <ins class="added">{children}</ins>;
  return (
    <span class="changed">
      <del>{format(highlight.from)}</del>
      <span aria-hidden="true"> → </span>
      <ins>{format(highlight.to)}</ins>
    </span>
  );
}
