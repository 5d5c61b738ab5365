/**
 * A printed page number, defined once, read two ways on purpose:
 *
 *   - a text line that is only a page number, wherever it stands (segmentation): at most three
 *     digits, so that a year (2024) alone on a line is no page number; 5, - 5 -, 第 5 页,
 *     第 5 页，共 34 页, 5/34;
 *   - text in the page's top or bottom margin band (the PDF layout stage, which knows where the
 *     text is): any number with dashes or spaces around it, or 第 N 页 and whatever follows it
 *     (第5页/共34页), since nothing else is printed alone there.
 */
const LINE = /^(?:[-—–]\s*\d{1,3}\s*[-—–]|\d{1,3}|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

const AT_PAGE_EDGE = /^[-—–\s]*(\d+|第\s*\d+\s*页.*)[-—–\s]*$/;

/** A whole text line that is only a page number (a year is not). */
export function isPageNumberLine(text: string): boolean {
  return LINE.test(text);
}

/** Text in the page's margin band that is a page number. */
export function isPageNumberAtEdge(text: string): boolean {
  return AT_PAGE_EDGE.test(text);
}
