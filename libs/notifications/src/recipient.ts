export interface Recipient {
  email: string;
  name: string;
  personId?: string | null;
}
