// The codes the Labels screen prints. Kept outside the screen so the list
// survives switching screens, and so Locations can preselect a bin or section
// ("Print label") before showing it.
import { app } from "../../lib/app.svelte";

export const labelSelection = $state({ codes: [] as string[] });

/** Shows the Labels screen with just `code` in its list. */
export function printLabelFor(code: string): void {
  labelSelection.codes = [code];
  app.screen = "labels";
}
