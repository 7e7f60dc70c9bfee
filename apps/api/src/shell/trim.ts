import { Transform } from 'class-transformer';

/** Trims strings so "  " counts as empty for @IsNotEmpty. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
