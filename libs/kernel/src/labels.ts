/**
 * A vocabulary label inside a sentence: "Behovsinsamling" → "behovsinsamling" ("i fasen
 * behovsinsamling"). The vocabularies capitalise their labels for lists and headings; a label
 * that starts with an abbreviation ("IT-stöd") keeps its capitals.
 */
export const lowerFirst = (label: string): string => (/^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);
