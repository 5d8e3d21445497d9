// Errors of a refused selling form: beside the boxes the form has, and
// every other one (the item, the stock) as sentences above the buttons.
import { formErrors, type FormErrors } from "../wants/wants";

export interface SellingErrors {
  fields: Record<string, string>;
  /** Sentences no box of the form is about. */
  general: string[];
}

export const NONE: SellingErrors = { fields: {}, general: [] };

export function sellingErrors(e: unknown, boxes: readonly string[]): SellingErrors {
  const got: FormErrors = formErrors(e);
  const fields: Record<string, string> = {};
  const general: string[] = got.general ? [got.general] : [];
  for (const [name, message] of Object.entries(got.fields)) {
    if (boxes.includes(name)) fields[name] = message;
    else general.push(message);
  }
  return { fields, general };
}
