declare module "unhomoglyph" {
  /** Maps every character to its Unicode TR39 confusables prototype. */
  export default function unhomoglyph(input: string): string;
}
