// jsbarcode ships no types for its per-format encoders; we use only CODE128's encode().
declare module 'jsbarcode/bin/barcodes/CODE128' {
  interface EncodedBarcode {
    /** '1' = bar module, '0' = space module. */
    data: string
    text: string
  }
  export class CODE128 {
    constructor(data: string, options: Record<string, unknown>)
    valid(): boolean
    encode(): EncodedBarcode
  }
}
