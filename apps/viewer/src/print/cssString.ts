/** Text as a CSS string literal (for a page margin box's `content`): quotes, backslashes and line breaks escaped, `<` written as an escape so the text cannot close a style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(/[\n\r\f]/g, " ").replace(/</g, "\\3c ")}"`;
}
