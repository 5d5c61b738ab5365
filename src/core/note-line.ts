/**
 * A Chinese table note, defined once: a line opening 注： or 说明： (either colon, spaces allowed
 * before it). Segmentation files it as a note; the PDF layout ends a table body at it, as a title
 * starts one. English notes (NOTE:, SOURCE:) are a setting, `structure.noteStart`, because
 * caption-rows.ts also lifts them out of ruled frames, which Chinese notes inside a frame must not be.
 */
const NOTE = /^(?:注|说明)\s*[:：]/;

export function isNoteLine(text: string): boolean {
  return NOTE.test(text);
}
