/** The first name of a full name, to greet by ("Helena Ljung" → "Helena"; "Anna-Karin Ek" → "Anna-Karin"); the whole name when it is one word. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

export interface Recipient {
  email: string;
  name: string;
  personId?: string | null;
}
