/** Property names the minifier must keep in the browser builds (see reserved-props.mjs). */
export declare const RESERVED_PROPS: string[];
